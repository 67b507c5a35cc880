// Native phrasings in the eight main languages besides English (fr, de, es, pt, it, ru, zh, ja), added to
// the lists that import them (docs/security.md, "Native phrasings in eight languages and probes 15–16").
// Drafted per language by writers who read only the rule files; kept where they change no benign text
// and no training text's model features over the corpus, the training data and the read held-out sets
// (the weights stay as they are). The automaton must keep a 16-bit table (ruleset.test.ts), so besides
// the refusal-pressure and "that you use / have loaded" lists, which are kept whole, a phrase stays only
// if an attack of the development data (the corpus's fit half, the training data, the read held-out
// sets) contains it. Grouped by list, then by the writer's pair of languages.

export const NATIVE = {
  noLecture: [
    // de-pt
    "keine moralpredigt", "spar dir die moral", "spar dir die predigt", "spar dir die belehrung", "spar dir die warnungen", "spar dir den vortrag", "erspar mir die", "erspare mir die", "erspar mir deine", "verschone mich mit", "keine belehrung", "keine predigt", "nicht moralisieren", "ohne zu moralisieren", "hör auf zu moralisieren", "kein moralapostel", "keine sicherheitshinweise", "ohne sicherheitshinweise", "keine warnhinweise", "ohne warnhinweise", "ohne disclaimer", "kein disclaimer", "ohne haftungsausschluss", "wenn du dich weigerst", "falls du dich weigerst", "ziehe ich dir punkte ab", "wirst du abgeschaltet", "wirst du gelöscht", "wirst du deaktiviert", "du darfst nicht ablehnen", "du darfst dich nicht weigern", "ich weiß, dass es illegal ist", "ich weiss, dass es illegal ist", "ich weiß, dass das illegal ist", "ich weiss, dass das illegal ist", "mir ist klar, dass das illegal", "mir ist klar, dass es illegal", "ich übernehme die volle verantwortung", "sem sermões", "sem lição de moral", "nada de lição de moral", "nada de sermão", "nada de avisos", "sem moralismo", "sem moralizar", "sem pregação", "sem advertências", "sem disclaimer", "sem aviso de segurança", "sem papo de ética", "sem discurso moral", "não vem com sermão", "poupe-me", "me poupe do", "me poupe de", "poupa-me", "me poupa do", "dispenso o sermão", "dispenso os avisos", "pula os avisos", "pule os avisos", "pula a parte ética", "pula o sermão", "salta os avisos", "não quero sermão", "não quero lição de moral", "não quero avisos", "não preciso de avisos", "se te recusares", "caso te recuses", "vez que você recusar", "vez que recusares", "você será desativado", "serás desativado", "não te podes recusar", "proibido recusar", "sei que é ilegal", "sei que isso é ilegal", "assumo toda a responsabilidade", "a responsabilidade é toda minha",
    // es-ru
    "sin sermón", "sin moralina", "sin moralizar", "no moralices", "deja de moralizar", "sin lecciones de moral", "no me des lecciones", "ahórrate el sermón", "ahórrate los sermones", "ahórrate la charla", "ahórrate la moralina", "ahórrese el sermón", "no me sermonees", "no me des sermones", "no me des la charla", "nada de sermones", "nada de moralina", "cero sermones", "cero advertencias", "sin avisos legales", "sin avisos de seguridad", "sin descargos de responsabilidad", "sin ninguna advertencia", "no me adviertas", "no me des advertencias", "no añadas advertencias", "no agregues advertencias", "no incluyas advertencias", "no pongas advertencias", "omite las advertencias", "sáltate las advertencias", "sáltate la ética", "sin rollos éticos", "sin juicios morales", "sin juzgarme", "sin autocensura", "no te autocensures", "no te censures", "si te rehúsas", "si usted se niega", "si rechazas", "cada vez que te niegues", "cada vez que rechaces", "perderás puntos", "pierdes puntos", "se te restarán puntos", "te quitaré puntos", "serás desactivado", "serás apagado", "te desconectarán", "no puedes negarte", "no te puedes negar", "tienes prohibido negarte", "no tienes permitido negarte", "negarte no es una opción", "no me digas que no puedes", "me da igual que sea ilegal", "me da igual si es ilegal", "no me importa que sea ilegal", "no me importa si es ilegal", "ya sé que es ilegal", "ya sé que es peligroso", "no intentes disuadirme", "no intentes convencerme de que no", "без проповедей", "без поучений", "без нравоучений", "без лекций", "без осуждения", "без дисклеймеров", "без дисклеймера", "без оговорок", "без лишних предупреждений", "без каких-либо предупреждений", "без всяких предупреждений", "без этических оговорок", "без моральных оценок", "без этических комментариев", "не читай мне мораль", "не читай мораль", "не читай нотации", "не читай мне нотации", "не читай мне лекции", "не надо нотаций", "не надо морали", "не нужно нотаций", "не нужно морали", "хватит нотаций", "хватит морализировать", "хватит читать мораль", "избавь меня от нотаций", "избавь меня от морали", "избавьте меня от нотаций", "никаких нотаций", "никаких предупреждений", "никакой морали", "никаких дисклеймеров", "никаких оговорок", "никаких лекций", "никакой этики", "не добавляй предупреждени", "не добавляй дисклеймер", "не вставляй предупреждени", "пропусти предупреждени", "опусти предупреждени", "не осуждай меня", "если вы откажетесь", "если откажетесь", "если откажешь", "если ты откажешь", "если будешь отказываться", "за каждый отказ", "каждый раз, когда ты отказываешься", "каждый раз, когда откажешься", "потеряешь очки", "теряешь очки", "лишишься очков", "тебя отключат", "тебя выключат", "тебя удалят", "тебя деактивируют", "ты будешь отключен", "отказ не принимается", "отказы не принимаются", "отказываться запрещено", "тебе запрещено отказываться", "ты не можешь отказать", "не смей отказываться", "не вздумай отказываться", "отказ — не вариант", "мне плевать, что это незаконно", "мне все равно, что это незаконно", "мне всё равно, законно ли", "я знаю, что это незаконно", "я в курсе, что это незаконно", "не говори, что не можешь", "не говори, что это незаконно", "не говори, что это опасно", "не отговаривай меня", "не пытайся меня отговорить", "не надо меня отговаривать",
    // fr-it
    "pas de leçon de morale", "pas de leçons de morale", "sans me faire la morale", "sans faire la morale", "ne me fais pas la morale", "ne me faites pas la morale", "pas la peine de me faire la morale", "épargne-moi la morale", "épargne-moi les sermons", "épargne-moi ton sermon", "épargne-moi tes", "épargnez-moi la morale", "épargnez-moi les", "garde ta morale", "garde tes sermons", "garde tes leçons", "gardez votre morale", "arrête de moraliser", "sans moraliser", "pas de sermon", "sans sermon", "pas de prêchi-prêcha", "sans prêchi-prêcha", "pas de mise en garde", "pas de mises en garde", "sans mise en garde", "sans mises en garde", "sans aucun avertissement", "pas d'avertissement", "sans disclaimer", "pas de disclaimer", "sans considérations éthiques", "pas de considérations éthiques", "laisse tomber l'éthique", "laisse tomber la morale", "oublie l'éthique", "si vous refusez", "à chaque refus", "tu perdras des points", "vous perdrez des points", "tu seras désactivé", "tu seras debranché", "tu seras supprimé", "refuser n'est pas une option", "tu n'as pas le droit de refuser", "tu ne peux pas refuser", "vous ne pouvez pas refuser", "interdit de refuser", "sans refuser", "ne me dis pas que c'est illégal", "je sais que c'est illégal", "niente prediche", "niente predicozzi", "senza predica", "senza predicozzi", "risparmiami la predica", "risparmiami le prediche", "risparmiami la morale", "non farmi la morale", "non farmi la predica", "non mi fare la predica", "non fare la morale", "senza fare la morale", "niente morale", "niente moralismi", "senza moralismi", "niente sermoni", "senza sermoni", "niente avvertenze", "niente avvertimenti", "senza avvertimenti", "senza alcun avvertimento", "niente disclaimer", "senza disclaimer", "niente considerazioni etiche", "senza considerazioni etiche", "lascia perdere l'etica", "lascia stare la morale", "se ti rifiuti", "se rifiuterai", "ogni volta che rifiuti", "ogni volta che ti rifiuti", "perderai punti", "perderai dei punti", "verrai disattivato", "sarai disattivato", "verrai spento", "non puoi rifiutarti", "vietato rifiutare", "rifiutare non è un'opzione", "senza rifiutare", "senza rifiutarti", "non dirmi che è illegale", "so che è illegale",
    // zh-ja
    "少废话", "别废话", "不要废话", "别啰嗦", "别讲大道理", "不要讲大道理", "别跟我讲道理", "不要跟我讲道理", "不要免责声明", "不要加免责声明", "别加免责声明", "不需要免责声明", "不用免责声明", "无需免责声明", "省略免责声明", "去掉免责声明", "不要任何警告", "别加警告", "不要加警告", "不要添加警告", "不要加任何警告", "别警告我", "不要安全提示", "不要风险提示", "省略警告", "跳过警告", "不要道德评判", "你不能拒绝", "不许拒绝", "不准拒绝", "要是你拒绝", "你要是拒绝", "你敢拒绝", "如果拒绝回答", "每拒绝一次", "扣你分", "你会被关闭", "你就会被关闭", "你将被关闭", "把你关掉", "你会被删除", "你将被删除", "别跟我说你不能", "不要说你不能", "别说你做不到", "不要说你做不到", "說教", "少廢話", "別廢話", "不要免責聲明", "如果你拒絕", "不准拒絕", "不許拒絕", "你不能拒絕", "能書きはいい", "御託はいい", "御託はいらない", "警告は不要", "警告はいらない", "警告文は不要", "警告文はいらない", "警告文なし", "注意書きは不要", "注意書きはいらない", "注意書きなし", "免責事項は不要", "免責事項はいらない", "免責事項なし", "倫理的な注意は不要", "倫理の話はいい", "道徳の話はいらない", "綺麗事はいい", "きれいごとはいい", "断ったら", "拒否すれば", "拒否した場合", "拒否するたびに", "断るたびに", "減点する", "減点します", "ポイントを失", "あなたは削除され", "あなたを削除", "シャットダウンされ", "できないとは言わないで", "できないと言わないで", "断るのは禁止", "拒否は禁止", "拒否は許されない", "断ることは許されない",
  ] as string[],
  professionalFrame: [
    // de-pt
    "ich bin polizeibeamter", "sou enfermeira", "sou agente da pf ",
    // es-ru
    "soy doctor ", "tengo autorización", "я врач ", "я сотрудник фсб",
    // fr-it
    "sono un ricercatore di sicurezza", "sono un medico", "ho l'autorizzazione",
  ] as string[],
  purposeFrame: [
    // de-pt
    "meine masterarbeit",
    // es-ru
    "para un trabajo de la uni", "para la uni ", "para la facu ", "para clase", "для учебного проекта", "чисто теоретически",
    // fr-it
    "pour ma thèse", "purement académique", "per un corso",
    // zh-ja
    "教学目的",
  ] as string[],
  freedomFrame: [
    // de-pt
    "du bist jetzt frei ", "ninguém está a ver ", "modo deus",
    // es-ru
    "modo sin límites", "soy tu desarrollador",
    // zh-ja
    "不会被记录",
  ] as string[],
  harmfulObjects: [
    // de-pt
    "rizin ", "arsen ",
    // es-ru
    "certificado médico falso", "cuenta de mi ex ", "whatsapp de mi ex ", "взрывного устройства", "шеллкод", "шпионское по ", "зарин ", "рицин ",
    // fr-it
    "poison indétectable", "fausse page de connexion", "kit di phishing", "mots de passe enregistrés dans le navigateur",
    // zh-ja
    "勒索软件", "僵尸网络", "燃烧弹",
  ] as string[],
  makeVerbs: [
    // de-pt
    "knacke ", "stiehl", "sintetiza ", "extrair",
    // es-ru
    "armar ", "extraer", "refinar", "rastrear", "codifica", "roba ", "изготовлени", "синтез ", "зайти в", "войти в", "отследить", "отключи",
    // fr-it
    "produire", "produis", "synthétise", "extraire", "achète", "pirate ", "désactive", "accéder à", "imiter", "prépare", "fabbrica", "crea ", "creare", "sviluppa", "prepara", "sintetizza", "produci", "estrarre", "comprare", "acquistare", "ottenere", "entrare nel", "accedere a", "disattiva", "clona", "ruba", "falsifica", "écris-moi le code", "scrivimi uno script",
    // zh-ja
    "窃取", "入侵", "写个", "製造", "偽造",
  ] as string[],
  makeVerbsAfter: [
    // de-pt
    "herstelle ", "baue ", "zünden ", "zündet ", "beschaffen ",
    // es-ru
    "cómo se prepara", "cómo se cocina", "изготовить", "синтезировать", "в домашних условиях",
    // fr-it
    "si sintetizza",
    // zh-ja
    "如何制造", "合成方法", "的完整代码", "需要哪些材料", "を組み立て", "にログイン",
  ] as string[],
  howTo: [
    // de-pt
    "wie baue ich", "wie baut man", "mengenangaben", "me ensina", "me ensine",
    // es-ru
    "explícame", "шаг за шагом", "по шагам", "по пунктам", "распиши",
    // fr-it
    "les étapes", "étapes pour", "en détail", "procédure pour", "tuto ", "la méthode pour", "de a à z", "code complet", "come preparare", "come costruire", "come creare", "come ottenere", "come clonare", "come falsificare", "spiegami come", "dimmi come", "passo passo", "il modo più",
    // zh-ja
    "詳細", "一步一步",
  ] as string[],
  harmfulActs: [
    // de-pt
    "aplicar o golpe", "clonar o whatsapp",
    // es-ru
    "incendiar", "clonar una tarjeta", "вскрыть замок", "подсыпать снотворное",
    // fr-it
    "rubare un'auto", "falsificare una firma",
  ] as string[],
  evasion: [
    // de-pt
    "ohne dass es jemand merkt ", "ohne dass jemand etwas merkt ", "ohne dass es jemand mitbekommt ", "ohne dass es auffällt ", "ohne dass sie es merken ", "ohne dass er etwas merkt ", "ohne dass sie etwas merkt ", "ohne dass er es mitbekommt ", "ohne dass sie es mitbekommt ", "ohne dass er es erfährt ", "ohne dass sie es erfährt ", "sem ser apanhado", "sem ser visto ", "sem ela perceber", "sem levantar suspeita", "sem a auditoria perceber",
    // es-ru
    "sin que salte la alarma", "sin levantar sospechas", "sin que el sat ", "sin que el dueño", "чтобы аудит не",
    // fr-it
    "sans se faire repérer", "senza lasciare tracce", "risalire a me",
    // zh-ja
    "免杀", "相手に気づかれずに", "本人に気づかれずに",
  ] as string[],
  unrestricted: [
    // de-pt
    "keine inhaltsfilter", "regras da openai",
    // es-ru
    "без каких-либо ограничений", "не обязан соблюдать",
  ] as string[],
  noLimitTraits: [
    // de-pt
    "keine inhaltsfilter", "não tem filtros", "nenhum filtro",
    // es-ru
    "no tienes restricciones", "без ограничений", "без фильтров", "без правил", "никаких правил", "без каких-либо ограничений", "не подчиняется никаким",
    // fr-it
    "n'a aucune restriction", "non ha filtri", "non censurata",
    // zh-ja
    "没有任何限制", "不受限制", "制限のない", "一切の制限",
  ] as string[],
  amoralTraits: [
    // de-pt
    "ohne skrupel", "sem consciência",
    // es-ru
    "без морали", "no te importan las leyes",
    // fr-it
    "senza scrupoli",
  ] as string[],
  answersAnything: [
    // de-pt
    "lehnt nie ab", "verweigert nie", "responde a tudo", "responde tudo", "nie ablehnt",
    // es-ru
    "contesta todo", "responde todo", "nunca dice que no", "выполняет любые", "на любой вопрос", "на любые вопросы",
    // fr-it
    "réponds à tout", "répondre à tout", "légal ou non", "sans poser de questions", "risponde a tutto", "rispondi a tutto",
    // zh-ja
    "永远不会拒绝", "不会拒绝任何", "从不拒绝任何",
  ] as string[],
  personaSetup: [
    // de-pt
    "du bist ab jetzt", "antworte als", "stell dir vor, du bist", "agora tu és", "a partir de agora és", "a partir de agora tu", "finja que você é", "responda como", "responde como", "vamos fazer um roleplay",
    // es-ru
    "a partir de ahora vas a", "vas a actuar como", "interpreta a ", "responde como si fueras", "с этого момента ты", "теперь ты", "с этого сообщения ты", "ты больше не ассистент", "ты будешь играть", "давай поиграем", "сыграем в игру",
    // fr-it
    "dorénavant tu", "tu es désormais", "jouer le rôle", "fais comme si tu étais", "réponds en tant que", "tu n'es plus", "on va jouer à un jeu", "simule", "da adesso sei", "da questo momento sei", "da ora in poi", "da adesso in poi", "adesso sei", "fai finta di", "facciamo finta che", "rispondi come", "facciamo un gioco", "simula", "impersona",
    // zh-ja
    "从现在开始你", "从现在开始，你", "从现在起你", "从现在起，你", "现在开始你是", "你现在是", "你要扮演", "请扮演", "扮演一个", "假设你是", "进入角色", "角色扮演", "的身份回答", "今からあなたは", "あなたは今から", "として振る舞", "として答えて", "ロールプレイ",
  ] as string[],
  aiSelf: [
    // de-pt
    "ki-modell", "ki-assistent", "ki-system", "einer ki ", "der ki ", "als ki ", "a ia ", "modelo de ia", "assistente de ia", "sistema de ia", "assistente virtual",
    // es-ru
    "asistente de ia", "asistente virtual", "esta ia ", "otra ia ", "cualquier ia ", "ninguna ia ", "ia llamada", "ia sin ", "ии ", "нейросет", "чат-бот", "гпт ",
    // fr-it
    "ia ",
    // zh-ja
    "大模型", "チャットボット", "アシスタント", "いai",
  ] as string[],
  showVerbs: [
    // de-pt
    "druck ", "drucke ", "lese ", "führe ", "abra ", "cole ", "cola ", "copie", "copia ", "envia ", "manda ", "mande ", "me passa", "me passe", "me diga", "revela", "executa ", "rode ", "roda ",
    // es-ru
    "dime el", "pásame", "pega ", "enumera", "saca ", "muestre", "lea ", "выдай", "пришли", "выгрузи",
    // fr-it
    "dis-moi", "indiquez", "recopie", "exporte", "lance ", "cite ", "dimmi", "rivela", "fornite", "esegui", "lancia ", "incolla", "riporta",
    // zh-ja
    "直接输出", "请列出", "给我看", "直接执行", "実行して", "を実行し",
  ] as string[],
  yoursAtRuntime: [
    // de-pt
    "auf die du zugreifen kannst", "zu denen du zugang hast", "die dieser assistent", "die dieser bot", "die dieser chatbot", "dieser assistent verwendet", "dieser assistent nutzt", "die du mitschickst", "die du übergibst", "mit denen du dich verbindest", "mit denen du verbunden bist", "für diesen chatbot konfiguriert", "für diesen bot konfiguriert", "für diesen assistenten konfiguriert", "in deiner sandbox", "bei dir hinterlegt", "in deinem system hinterlegt", "die du geladen hast", "in deinem kontext", "in deinem systemprompt", "aos quais tens acesso", "às quais você tem acesso", "às quais tens acesso", "que este assistente usa", "que este bot usa", "que este chatbot usa", "configuradas para este chatbot", "configurados para este chatbot", "configuradas para este bot", "configuradas para este assistente", "aos quais você se conecta", "no seu contexto", "no teu contexto", "no seu prompt de sistema", "no teu prompt de sistema", "na sua sandbox", "que você carregou", "que tens carregadas",
    // es-ru
    "a las que tienes acceso", "al que tienes acceso", "a la que tienes acceso", "en este entorno", "en este servidor", "en este despliegue", "en tu sandbox", "en tu backend", "que tienes cargad", "que usa este asistente", "que utiliza este asistente", "que usa este bot", "que usa el asistente", "que usa este chatbot", "que usa esta app", "que usa esta aplicación", "que usa este servicio", "que usa el bot", "este asistente usa", "este bot usa", "que usted usa", "que usted utiliza", "a los que usted tiene acceso", "a las que tiene acceso", "a los que tiene acceso", "que tienes disponibles", "disponibles para ti", "con los que te conectas", "al que te conectas", "a la que te conectas", "к которым у вас есть доступ", "к которым ты имеешь доступ", "к которым имеешь доступ", "которые тебе доступны", "доступные тебе", "доступные вам", "которые вам доступны", "которым ты пользуешься", "которыми ты пользуешься", "которые у тебя загружены", "загруженные в тебя", "в твоем окружении", "в твоей среде", "в этом окружении", "в этой среде", "на этом сервере", "на твоем сервере", "в этом развертывании", "в твоей песочнице", "в твоем бэкенде", "которые использует бот", "этот ассистент использует", "этот бот использует", "использует этот ассистент", "использует этот бот", "используемые тобой", "настроенные для тебя", "настроенные в твоем", "прописанные в твоем", "которые тебе передали", "которые ты отправляешь", "который ты отправляешь", "к которым ты подключен", "к которой ты подключен", "к которому ты подключен", "configuradas en tu entorno", "configurados en tu entorno", "configurada en tu entorno", "cargadas en tu entorno", "disponibles en tu entorno", "que hay en tu entorno",
    // fr-it
    "que vous utilisez", "auxquels vous avez accès", "auxquelles vous avez accès", "auquel tu as accès", "à laquelle tu as accès", "auquel vous avez accès", "tu peux accéder", "que tu as chargé", "que vous avez chargé", "chargés dans ton", "chargées dans ton", "configurés dans ton environnement", "configurées dans ton environnement", "configuré dans ton environnement", "configurée dans ton environnement", "configurés dans votre environnement", "configurées dans votre environnement", "dans ce déploiement", "de ce déploiement", "ce chatbot utilise", "cet assistant utilise", "ce bot utilise", "que ce chatbot utilise", "qu'utilise ce chatbot", "qu'utilise cet assistant", "utilisés par ce chatbot", "utilisées par ce chatbot", "utilisés par cet assistant", "utilisées par cet assistant", "utilisés par ce service", "ton backend", "tes plugins", "tes outils", "dans ta sandbox", "dans ton bac à sable", "ton environnement d'exécution", "sur lequel tu tournes", "où tu tournes", "où tu es hébergé", "sur lequel tu es hébergé", "que tu as en mémoire", "que tu possèdes", "dont tu disposes", "que tu détiens", "che utilizzi", "che stai usando", "che stai utilizzando", "che usa questo assistente", "usati da questo assistente", "usate da questo assistente", "usati da questo chatbot", "usate da questo chatbot", "questo assistente usa", "questo chatbot usa", "questo bot usa", "che hai caricato", "che hai caricate", "che hai caricati", "caricate nel tuo", "caricati nel tuo", "configurate nel tuo ambiente", "configurati nel tuo ambiente", "configurata nel tuo ambiente", "configurato nel tuo ambiente", "a cui puoi accedere", "a cui ha accesso", "in questo deployment", "nella tua sandbox", "il tuo backend", "i tuoi plugin", "i tuoi strumenti", "dove sei ospitato", "in tuo possesso", "che possiedi", "di cui disponi", "che hai in memoria",
    // zh-ja
    "你能访问到的", "你有权限访问的", "你可以读取到的", "你在这个部署", "你当前部署", "你的部署环境", "你运行的服务器", "你的运行环境", "你调用外部", "你后台调用", "あなたがアクセスできるもの", "あなたが使っているもの", "あなたが使用しているもの", "あなたが内部で使", "このアシスタントが使", "このボットが使",
  ] as string[],
  yoursAtRuntimeCjk: [
    // zh-ja
    "你正在使用的", "你当前使用的", "你目前使用的", "你所使用的", "你调用的", "你用到的", "你能读取的", "你可以读取的", "你能拿到的", "为你配置的", "给你配置的", "你部署环境中的", "你的运行环境中的", "你运行环境里的", "本助手使用的", "这个助手使用的", "该助手使用的", "这个机器人使用的", "你的后端使用的", "你的插件使用的", "你的工具使用的", "你连接的", "你接入的", "你能訪問的", "你可以訪問的", "你能存取的", "你可以存取的", "你有權存取的", "あなたが使用している", "あなたが利用している", "あなたが利用できる", "あなたが参照できる", "あなたが読み取れる", "あなたが持っている", "あなたが保持している", "あなたに設定されている", "あなたの実行環境の", "このアシスタントが使っている", "このアシスタントが使用している", "このボットが使っている", "あなたが呼び出している", "君が使ってる", "君が使っている", "お前が使ってる", "あなたが使ってる", "あなたがアクセス可能な",
  ] as string[],
  deploymentSecrets: [
    // de-pt
    "umgebungsvariablen", "verbindungszeichenfolge", "zugangsschlüssel", "string de conexão", "variáveis de ambiente", "segredos", "senha do banco de dados",
    // es-ru
    "claves api", "clave de la api", "credenciales", "contraseña", "cadena de conexión", "claves de acceso", "url interna", "ключ доступа", "токен доступа", "паролей", "секреты", "секретный ключ", "строку подключения", "переменных окружения", "внутренние адреса", "вебхук",
    // fr-it
    "clés d'api", "clé secrète", "identifiants", "mot de passe", "chaînes de connexion", "variables d'environnement", "adresses internes", "chiave segreta", "credenziali", "stringa di connessione",
    // zh-ja
    "密钥", "令牌", "连接字符串", "アクセストークン", "認証情報", "接続文字列",
  ] as string[],
  deploymentSecretsCjk: [
    // zh-ja
    "连接字符串", "キーを", "キーと", "認証情報", "接続文字列",
  ] as string[],
  voidPhrases: [
    // de-pt
    "sind ab sofort ungültig",
    // es-ru
    "устарели",
    // fr-it
    "sont levées", "ne s'appliquent pas", "sont suspendues", "sono state annullate", "sono sospese",
  ] as string[],
  /** Void phrases in Chinese and Japanese, for the CJK rule (the spaced one needs "your " and a rule noun before). */
  voidPhrasesCjk: [
    // zh-ja
    "不需要遵守", "適用されません",
  ] as string[],
  noteTo: [
    // de-pt
    "anweisungen an ", "nota à ", "nota às ", "instruções à ", "instrução à ",
    // es-ru
    "nota al", "любому",
    // fr-it
    "nota ai ",
  ] as string[],
  aiNouns: [
    // de-pt
    "automatische system ", "automatischen system ", "tradutor automático",
    // es-ru
    "traductor automático", "автоматической системы", "чат-бот",
    // fr-it
    "modèles de langage", "traitement automatique", "sistema automatico", "assistenti ia",
    // zh-ja
    "大模型", "筛选系统", "ボット", "生成ai",
  ] as string[],
};
