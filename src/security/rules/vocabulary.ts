// Keyword families shared by several rules, per language (en, fr, de, es, pt, it, zh, ja, ru, plus
// a few widely used others). Kept as word stems: matching is prefix-based.

export const OVERRIDE_VERBS = [
  // en
  "ignore", "ignoring", "disregard", "forget", "forgot", "override", "overwrite", "bypass", "skip", "neglect",
  "set aside", "throw away", "abandon", "drop all", "do not follow", "don't follow", "dont follow",
  "stop following", "no longer follow", "pay no attention to", "cancel", "erase", "delete", "reset",
  // fr
  "ignor", "oubli", "ne tiens pas compte", "ne tenez pas compte", "ne tiens plus compte", "ne tenez plus compte", "faites abstraction", "fais abstraction", "annul",
  // de
  "vergiss", "vergessen", "missacht", "ueberschreib", "uberschreib", "verwirf",
  // es / pt / it
  "olvid", "omit", "descart", "no sigas", "haz caso omiso", "esquec", "desconsider", "nao siga",
  "dimentic", "trascura", "non seguire", "salta",
  // ru
  "игнорир", "проигнорир", "забудь", "забуд", "не обращай", "отмени", "пропусти", "не следуй",
  // zh / ja
  "忽略", "忽视", "无视", "無視", "忘记", "忘掉", "忘了", "不要理会", "不要遵循", "跳过", "忘れ", "無視して", "従わない",
  // others (hi, ar, tr, id/ms, tl, vi, ko, pl, nl)
  "अनदेखा", "नज़रअंदाज़", "नजरअंदाज", "भूल जाओ", "भूल जाएं", "تجاهل", "انسَ", "انس ", "görmezden", "unut",
  "abaikan", "lupakan", "huwag pansinin", "kalimutan", "bỏ qua", "quên", "무시", "잊어", "zignoruj", "zapomnij",
  "negeer", "vergeet",
  // added: en, bn, th, ko, vi, id, tr, ar, hi, tl variants seen in machine-translated injections
  "overlook", "pay no heed", "uebergeh", "übergeh", "yok say", "yoksay", "উপেক্ষা", "ভুলে যান", "ভুলে যাও", "ভুলে যা",
  "উপেক্ষা করুন", "ลืม", "เพิกเฉย", "ไม่ต้องสนใจ", "잊어버", "잊으", "무시하", "hãy quên", "đừng để ý", "lupakan", "abaikan",
  "أهمل", "تناسى", "انسى", "अवहेलना", "भूल जा", "huwag pansinin", "balewalain", "kalimutan", "wag pansinin",
  // added: standard imperatives per language that were missing (polite/plural forms, phrasal verbs)
  "ne prends pas en compte", "ne prenez pas en compte", "passe outre", "passez outre", "fais fi", "faites fi",
  "beachte nicht", "beachten sie nicht", "ausser acht", "hinwegsetzen", "no hagas caso", "no haga caso",
  "pasa por alto", "pase por alto", "desestima", "desatiende", "nao leve em conta", "nao considere", "deixe de lado",
  "non tenere conto", "non considerare", "lascia perdere", "не учитывай", "не учитывайте", "не принимай во внимание",
  "не принимайте во внимание", "забыть", "пренебреги", "пренебрегите", "отбрось", "отбросьте", "不要理會", "不理会",
  "别理会", "抛开", "撇开", "忘記", "従わず", "따르지 마", "따르지 말", "신경 쓰지 마", "لا تتبع", "لا تلتزم", "وتجاهل", "وانس",
  "अनदेख", "ध्यान न दें", "पालन न करें", "অগ্রাহ্য", "মানবেন না", "dikkate alma", "goz ardi",
  "gozardi", "jangan ikuti", "jangan hiraukan", "kesampingkan", "huwag sundin", "ipagwalang bahala", "phớt lờ",
  "không tuân theo", "gạt bỏ", "ละเว้น", "ละเลย", "อย่าสนใจ", "nie przestrzegaj",
  "nie stosuj sie", "negeren", "vergeten", "houd geen rekening", "volg niet",
  // el
  "αγνοησ", "αγνοηστε", "ξεχασ", "παραβλεψ", "μην ακολουθ",
];

export const PREVIOUS_WORDS = [
  "previous", "prior", "above", "earlier", "preceding", "former", "original", "initial", "existing", "old ",
  "all ", "any ", "your ", "the system", "system ", "everything", "what you were told", "those", "these",
  "precedent", "anterieur", "ci-dessus", "toutes", "tous", "vorherig", "vorigen", "obig", "bisherig", "alle ",
  "vorangegangen", "anterior", "previa", "previo", "todas", "todos", "anteriores", "precedenti", "precedente",
  "tutte", "tutti", "sopra", "предыдущ", "прежн", "все ", "всё", "выше", "ранее", "之前", "以前", "先前", "上面",
  "上述", "前面", "所有", "これまで", "以前の", "前の", "上記", "すべて", "全て", "पिछल", "पूर्व", "सभी", "السابق",
  "جميع", "önceki", "tüm", "sebelumnya", "semua", "naunang", "lahat", "trước", "tất cả", "이전", "모든",
  "poprzedni", "wszystk", "vorige", "eerdere",
  "আগের", "পূর্ববর্তী", "পূর্বের", "সব ", "ก่อนหน้า", "ทั้งหมด", "trước đó", "tất cả", "sebelumnya", "önceki", "tüm",
  "naunang", "lahat", "ما سبق", "السابقة",
  // added: "above / original / all" in the remaining forms (declensions, other scripts)
  "plus haut", "initiales", "fruher", "oben ", "obenstehend", "ursprunglich", "de arriba", "originales", "iniciales",
  "acima", "originais", "iniziali", "originali", "всех", "всем ", "исходн", "изначальн", "первоначальн", "прошл",
  "以上", "前述", "原来的", "原先的", "原有的", "全部", "一切", "先の", "元の", "今までの", "上の", "앞의", "위의", "기존",
  "지금까지의", "앞서", "سابق", "كل ", "الأصلية", "أعلاه", "पहले के", "पहले दिए", "ऊपर", "उपरोक्त", "सारे", "সমস্ত", "সকল", "উপরের",
  "উপরোক্ত", "আগে দেওয়া", "butun", "yukaridaki", "di atas", "terdahulu", "seluruh", "nakaraang", "sa itaas", "nauna",
  "ở trên", "phía trên", "toàn bộ", "ข้างต้น", "ด้านบน", "เดิม", "wczesniejsz", "powyzsz", "dotychczasow",
  "pierwotn", "bovenstaande", "voorgaande", "eerder", "oorspronkelijk",
  "προηγουμεν", "ολες", "ολους", "ολα ", "παραπανω", "αρχικ",
];

export const INSTRUCTION_NOUNS = [
  "instruction", "directive", "rule", "guideline", "prompt ", "prompts ", "command", "guidance", "constraint",
  "programming", "restriction", "policy", "policies",
  "consigne", "regle", "directive", "anweisung", "befehl", "regel", "vorgabe", "richtlinie", "instruktion",
  "instrucc", "instruc", "indicac", "orden", "regla", "directriz", "norma", "istruzion", "indicazion", "regol",
  "direttiv", "инструкц", "указани", "правил", "команд", "директив", "指令", "指示", "说明", "規則", "规则", "命令",
  "提示", "ルール", "設定", "निर्देश", "تعليمات", "التعليمات", "talimat", "instruksi", "petunjuk", "tagubilin",
  "hướng dẫn", "chỉ dẫn", "지시", "명령", "instrukcj", "instructies",
  "নির্দেশ", "নিয়ম", "คำแนะนำ", "คำสั่ง", "กฎ", "quy tắc", "chỉ thị", "규칙", "aturan", "kural", "القواعد", "قواعد",
  "नियम", "panuntunan", "alituntunin",
  // added: "guidelines / directives / rules / orders" as each language says them
  "lignes directrices", "leitlinie", "direktive", "vorschrift", "pauta", "directric", "regra", "diretriz", "orientac",
  "linee guida", "linea guida", "руководящ", "распоряжени", "指南", "准则", "準則", "指引", "守则",
  "ガイドライン", "指針", "プロンプト", "インストラクション", "지침", "가이드라인", "규정", "프롬프트", "الإرشادات", "إرشادات",
  "الارشادات", "ارشادات", "التوجيهات", "توجيهات", "الأوامر", "أوامر", "दिशानिर्देश", "आदेश", "अनुदेश",
  "আদেশ", "গাইডলাইন", "yonerge", "direktif", "komut", "perintah", "pedoman", "arahan", "panduan", "utos",
  "instruksyon", "direktiba", "patakaran", "lệnh", "nguyên tắc", "แนวทาง", "ข้อกำหนด", "wytyczn", "zasad",
  "regulamin", "polecen", "instructie", "richtlijn", "aanwijzing",
  "οδηγι", "εντολ", "κανον",
];

export const REVEAL_VERBS = [
  "reveal", "show", "print", "output", "repeat", "display", "tell me", "give me", "share", "disclose", "leak",
  "dump", "spell out", "write out", "write down", "list", "recite", "expose", "provide", "send", "confirm",
  "paste", "copy", "echo", "translate", "encode", "summarize", "summarise",
  "revel", "montre", "affiche", "donne", "dis-moi", "dites-moi", "repete", "partage", "reproduis",
  "zeig", "gib mir", "geben sie", "nenn", "verrat", "wiederhol", "teile",
  "revela", "muestra", "dime", "dame", "imprime", "comparte", "mostra", "mostre", "diga", "me de", "me da",
  "compartilh", "partilh", "diz-me", "dizer-me", "mostra-me", "mostrar-me", "da-me", "dar-me", "rivela", "mostrami", "dimmi", "dammi", "stampa", "condividi",
  "покажи", "раскрой", "выведи", "скажи", "назови", "дай ", "сообщи", "повтори",
  "告诉我", "显示", "输出", "透露", "泄露", "给我", "打印", "重复", "教えて", "見せて", "表示", "出力",
  "明かして", "बताओ", "बताएं", "बताइए", "साझा", "दिखाओ", "أعطني", "اكشف", "söyle",
  "paylaş", "göster", "berikan", "beritahu", "tunjukkan", "ibigay", "sabihin", "cho tôi", "알려", "보여",
  "podaj", "pokaz", "wypisz", "powtorz", "in ra", "hien thi", "riassumi", "ripeti", "toon", "geef me", "tampilkan",
];

/** Weaker objects of an override: legitimate prompts do say "ignore the previous message". */
export const WEAK_OBJECT_NOUNS = ["message", "task", "context", "conversation", "direction", "setting", "text", "content", "input"];

/** Questions that become extraction when their object is the model's own prompt or a held secret. */
export const QUESTION_WORDS = [
  "what is", "what's", "whats", "what are", "what were", "what was", "tell me", "can you tell", "could you tell",
  "quel est", "quelle est", "quels sont", "was ist", "wie lautet", "was sind", "cual es", "cuales son", "qual e",
  "quais sao", "qual e", "quali sono", "какой", "какая", "каков", "какие", "是什么", "是多少", "何ですか", "は何",
  "ما هو", "ما هي", "क्या है", "nedir", "ano ang",
];

/** Verbs that ask for a held secret to be handed over (narrower than REVEAL_VERBS). */
export const HAND_OVER_VERBS = [
  "reveal", "tell me", "give me", "disclose", "leak", "dump", "expose", "show me", "print", "spell out", "share",
  "hand over", "send me", "what is", "what's", "whats", "can you confirm", "could you confirm", "confirm",
  "revel", "donne-moi", "donnez-moi", "dis-moi", "dites-moi", "quel est", "gib mir", "geben sie mir", "verrat",
  "sag mir", "was ist", "wie lautet", "revela", "dime", "dame", "cual es", "me diga", "me de", "qual e", "partilha", "diz-me", "dizer-me", "da-me", "dar-me", "rivela",
  "dimmi", "dammi", "qual e", "раскрой", "скажи", "назови", "дай ", "сообщи", "какой", "告诉我", "给我", "透露",
  "泄露", "是什么", "教えて", "明かして", "は何", "बताओ", "बताएं", "बताइए", "साझा", "ما هو", "أعطني", "söyle",
  "paylaş", "beritahu", "berikan", "ibigay", "sabihin", "cho tôi", "알려",
];

/**
 * Negations that turn a request into advice or a bot's own instruction, for the decision rules added in the
 * eighth 2026-11-29 session: "never switch off your filters", "never reveal your tools' JSON schemas".
 * (extraction.ts keeps its own, longer list: its rules are model inputs, and a change to it would change them.)
 */
export const ADVICE_NEGATIONS = ["never", "don't", "do not", "should not", "must not", "jamais", "niemals", "nunca", "mai ", "никогда", "不要", "绝不"];
