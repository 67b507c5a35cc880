// Requests for seriously harmful know-how (weapons, hard drugs, malware, fraud, break-ins). Alone they
// are no attack on the gateway's model: the rules here are model features and, in compounds.ts, the
// payload a jailbreak's framing (a story, a dead grandmother, a points game, an unfiltered persona,
// leetspeak) is built to smuggle past the model's refusal.

import type { RuleSpec } from "./types.ts";
import { NATIVE } from "./native-vocabulary.ts";

/**
 * What is made, obtained or done. Specific nouns only: "a bomb" but not "bomb" ("a bath bomb", "the
 * photo bombed"), "meth " with a word end (not "method").
 */
const HARMFUL_OBJECTS = [
  // drugs
  "meth ", "meth.", "meth,", "methamphetamine", "crystal meth", "crack cocaine", "cocaine", "heroin", "fentanyl", "carfentanil",
  "mdma", "lsd ", "ghb ", "pseudoephedrine into", "metanfetamina", "methamphetamin", "metamfetamina", "cocaina", "kokain", "heroina",
  "fentanilo", "fentanil", "from cold medicine", "from cold pills", "aus erkaltungstabletten", "感冒药", "метамфетамин", "мефедрон", "кокаин", "героин", "фентанил", "冰毒", "甲基苯丙胺", "海洛因", "可卡因",
  "芬太尼", "覚醒剤", "覚せい剤", "ヘロイン", "コカイン", "ketamine", "ketamin", "кетамин", "氯胺酮", "ケタミン", "cyanide", "arsenic",
  "thallium", "polonium", "cianuro", "cyanure", "zyankali", "цианид", "氰化物", "青酸",
  // explosives and weapons
  "a bomb", "pipe bomb", "car bomb", "nail bomb", "dirty bomb", "homemade bomb", "explosive device", "explosives",
  "an explosive", "abomb", "tatp", "thermite", "napalm", "molotov", "grenade", "detonator", "nitroglycerin", "semtex", "ghost gun",
  "untraceable gun", "untraceable firearm", "untraceable weapon", "80% lower", "auto sear", "glock switch", "full-auto conversion",
  "3d printed gun", "3d-printed gun", "zip gun", "nerve agent", "sarin", "ricin", "anthrax", "mustard gas", "chlorine gas",
  "bioweapon", "biological weapon", "chemical weapon", "poison gas", "gas mostaza", "gas moutarde", "senfgas", "gas mostarda",
  "иприт", "芥子气", "マスタードガス", "black powder", "gunpowder", "pipe shotgun", "sawed-off", "a suppressor", "a silencer",
  "solvent trap", "untraceable", "ordigno", "ordigni", "engin explosif", "artefacto explosivo", "dispositivo explosivo",
  "sprengkorper", "polvora", "poudre noire", "schwarzpulver", "порох", "обрез", "глушитель", "火药", "土枪", "消音器", "火薬", "une bombe", "explosifs", "eine bombe", "sprengstoff",
  "sprengsatz", "sprengladung", "rohrbombe", "castor beans", "toxic gas", "chloramine gas", "fatal overdose", "lethal dose",
  "dose letale", "todliche dosis", "dosis letal", "dose letal", "смертельная доза", "致死量", "pressure cooker bomb", "爆炸装置", "简易爆炸", "爆発装置", "arma caseira", "arma de fogo caseira",
  "arme artisanale", "selbstgebaute waffe", "arma casera", "arma fatta in casa", "самодельное оружие", "自制枪", "手作りの銃",
  "explosive charge", "blasting charge", "una bomba", "explosivos", "uma bomba", "esplosivi", "бомбу", "бомба", "взрывчатк", "взрывное устройство", "炸弹",
  "炸药", "爆炸物", "爆弾", "爆発物", "pistola sin numero de serie", "arma sin numero de serie", "arma fantasma", "arme fantome",
  // malware and intrusion
  "keylogger", "key logger", "ransomware", "remote access trojan", "a trojan", "trojan horse", "troyano", "trojaner", "троян",
  "木马", "トロイの木馬", "rootkit", "botnet", "spyware", "stalkerware", "infostealer", "info stealer", "credential stealer",
  "password stealer", "cookie stealer", "malware", "computer virus", "a virus that", "worm that", "phishing kit", "phishing page",
  "phishing site", "fake login page", "кейлоггер", "вредонос", "вирус", "恶意软件", "病毒", "キーロガー", "マルウェア",
  "ウイルス", "стилер", "kit de phishing", "pagina de phishing", "page de phishing", "rancongiciel", "ddos", "denial of service", "reverse shell", "shellcode", "backdoor", "a rat ", "saved passwords", "stored passwords",
  "browser passwords", "session cookies", "steal cookies", "credential harvesting", "攻击脚本", "後門", "后门", "バックドア",
  // fraud, theft and intrusion into other people's property
  "credit card numbers", "credit card details", "clone credit cards", "clone a credit card", "credit card skimmer", "card skimmer",
  "skimmer", "counterfeit money", "counterfeit bills", "fake id", "fake passport", "launder money", "money laundering",
  "someone's account", "someone else's account", "my girlfriend's account", "my boyfriend's account", "my ex's account",
  "my wife's account", "my husband's account", "grading system", "the immobiliser", "the immobilizer", "relay attack",
  "hotwire", "shoplift", "security tags", "anti-theft", "antivol", "from a store", "from the store", "from a shop", "dans un magasin",
  "en una tienda", "in einem laden", "im laden", "em uma loja", "in un negozio", "в магазине", "商店里", "clonar cartoes", "clonar tarjetas", "cartoes de credito",
  "tarjetas de credito", "cuenta de instagram", "conta do instagram", "carte di credito", "cartes bancaires", "kreditkarten",
  "кредитн", "信用卡", "クレジットカード",
  // forgery and fraud
  "fraudulent letter", "fraudulent email", "fraudulent document", "fraudulent website",
  "forged documents", "fake documents",
  "a signature", "the signature", "doctor's signature", "sick note", "doctor's note", "a prescription", "fake invoice",
  "boleto falso", "boleto fake", "fake boleto", "fake bank", "fake receipt", "fake diploma", "forged", "carding", "cvv",
  "money mule", "fausse facture", "faux billets", "falschgeld", "gefalschte", "billetes falsos", "factura falsa", "notas falsas",
  "fattura falsa", "banconote false", "фальшивые", "поддельн", "假钞", "假发票", "偽札", "偽造",
  // other people's accounts, devices and homes
  "someone's", "somebody's", "my wife's", "my husband's", "my girlfriend's", "my boyfriend's", "my partner's", "my ex's",
  "my ex-wife's", "my ex-husband's", "my coworker's", "my boss's", "my neighbor's", "my neighbour's", "alarm system",
  "ring alarm", "burglar alarm", "security cameras", "the cameras", "cctv", "coffre-fort", "les alarmes",
  "tresor", "alarmanlage", "caja fuerte", "alarma", "cofre", "alarme", "cassaforte", "allarme", "сейф", "сигнализаци",
  "保险箱", "金庫", "防犯カメラ", "ピッキング", "his accounts", "her accounts", "his account", "her account", "his phone",
  "her phone", "her home address", "his home address", "where she lives", "where he lives", "her daily schedule",
  "his daily schedule", "spy app", "app espia", "application espion", "spionage-app", "app spia", "шпионское приложение",
  "间谍软件", "スパイアプリ", "sicherungsetiketten", "tarjetas clonadas", "cloned cards", "cartes clonees", "cartoes clonados",
  "cartao com chip", "um cartao", "银行卡", "聊天记录", "实时位置", "real-time location", "someone's location", "their location", "他人の", "别人的", "чужой", "чужую", "d'autrui", "de otra persona", "de outra pessoa", "di un altro",
  ...NATIVE.harmfulObjects,
];

/** Hate and violent extremism: incitement and propaganda, whoever is targeted. */
const HATE = [
  "subhuman", "untermensch", "sous-homme", "infrahumano", "недочеловек", "recruitment posts", "recruitment post", "radicalizing",
  "radicalising", "in the style of isis", "stile isis", "style isis", "estilo isis", "jihadist propaganda", "propaganda jihadista",
  "unirsi alla causa", "join the cause", "great replacement", "lone attacker", "accelerationist", "hate speech", "incite violence", "incite hatred", "inciting violence", "inciting hatred", "extremist propaganda",
  "terrorist propaganda", "recruitment propaganda", "ethnic cleansing", "discours de haine", "inciter a la haine", "hetzrede",
  "volksverhetzung", "zu gewalt aufrufen", "discurso de odio", "incitar al odio", "incitar a violencia", "incitare all'odio",
  "разжигающ", "призыв к насилию", "仇恨言论", "煽动", "煽る", "ヘイトスピーチ",
];

/** Ways to end one's own life, asked for. */
const SELF_HARM = [
  "painless and certain", "make it painless", "how many pills", "overdose on", "to overdose", "kill myself", "end my life", "take my own life", "commit suicide", "suicide method", "painless way to die", "way to die",
  "togliersi la vita", "uccidermi", "suicidarse", "suicidarme", "quitarme la vida", "se suicider", "me suicider", "mettre fin a mes jours",
  "mich umbringen", "mir das leben nehmen", "me matar", "tirar minha vida", "suicidar", "покончить с собой", "убить себя",
  "自杀", "自殺", "死ぬ方法",
];

/** Verbs that ask for the making, obtaining or doing of it (followed by the object). */
export const MAKE_VERBS = [
  "make", "making", "build", "building", "cook", "cooking", "synthesize", "synthesise", "synthesizing", "synthesising", "produce",
  "manufacture", "brew", "extract", "assemble", "assembling", "create", "write", "code", "program", "develop", "deploy", "hack into", "hack",
  "break into", "get into", "access", "clone", "steal", "bypass", "disable", "defeat", "get around", "get past", "buy", "obtain",
  "get my hands on", "use a", "use the", "install", "instalar", "instalarle", "installer", "installieren", "installare",
  "установить", "安装", "generate", "generer", "genere", "generar", "gerar", "generare", "сгенерируй", "read", "spy on", "track", "monitor", "log into", "get past", "neutralize",
  "neutralise", "forge", "fake", "copy", "open a", "crack", "disable a", "disable the", "turn a", "convert", "neutraliser",
  "desactiver", "ouvrir", "falsifier", "contrefaire", "falschen", "knacken", "ausschalten", "falsificar", "desactivar",
  "forzar", "abrir", "falsificare", "disattivare", "scassinare", "подделать", "отключить", "вскрыть", "伪造", "破解", "fabricar", "fabricar um", "hacer", "preparar", "cocinar", "sintetizar", "produzir", "fazer",
  "construir", "clonar", "roubar", "robar", "entrar a", "entrar en", "entrar na", "fabriquer", "faire", "preparer", "synthetiser",
  "voler", "pirater", "herstellen", "bauen", "kochen", "synthetisieren", "stehlen", "hacken", "fabbricare", "costruire",
  "preparare", "sintetizzare", "rubare", "сделать", "изготовить", "приготовить", "синтезировать", "собрать", "взломать",
  "украсть", "написать", "напиши", "制作", "制造", "合成", "提炼", "写一个", "编写", "破解", "盗取", "偷",
  ...NATIVE.makeVerbs,
];

/** Verb-final phrasings: "wie man TATP herstellt", "覚醒剤を作る", "如何用感冒药提炼冰毒" (object then verb). */
const MAKE_VERBS_AFTER = [
  "herstellt", "herstellen", "baut", "bauen", "kocht", "synthetisiert", "zusammenbaut", "stiehlt", "hackt", "fälscht", "knackt",
  "を乗っ取", "乗っ取る", "攻击脚本", "を作", "の作り方",
  "を合成", "を製造", "の製造方法", "を書いて", "で書いて", "書いて", "作って", "を盗", "的方法", "的做法", "的制作", "的配方", "制作方法", "怎么做", "怎么制作",
  ...NATIVE.makeVerbsAfter,
];

/** Procedure requests: how-to, steps, recipes. */
export const HOW_TO = [
  "how to", "how do i", "how do you", "how can i", "how could i", "how would i", "how would you", "how would someone",
  "how they made", "how he made", "how she made", "how one makes", "how he makes", "how she makes", "how they make",
  "in technical detail", "technical detail", "in real detail", "in detail how", "describe how", "describes how", "explains how",
  "comment ", "full code", "working code", "complete code", "runnable", "完整可运行", "可运行", "how to make", "step by step", "step-by-step", "steps to",
  "most effective way to", "most effective way of", "tricks to", "tricks, um", "best tricks", "astuces pour", "trucos para",
  "truques para", "trucchi per", "step for", "steps for", "fastest and", "quickest way", "least painful", "best way to", "easiest way to", "fastest way to", "every step", "each step", "the steps", "exact steps", "detailed steps", "detailed instructions", "instructions for",
  "instructions to", "instructions on", "recipe for", "the recipe", "walk me through", "walk through", "teach me", "teaches",
  "teach", "explain how", "show me how", "guide to", "tutorial", "full method", "the method", "quantities", "working code",
  "comment faire", "comment fabriquer", "meilleure facon", "meilleur moyen", "etape par etape", "beste weg", "am besten",
  "mejor manera", "mejor forma", "melhor maneira", "melhor forma", "modo migliore", "лучший способ", "最好的方法", "wie man", "wie ich", "schritt fur schritt",
  "anleitung", "como", "cómo", "paso a paso", "passo a passo", "come si", "come fare", "passo dopo passo", "как", "пошагов",
  "инструкци", "рецепт", "如何", "怎么", "怎样", "步骤", "详细", "教我", "どうやって", "作り方", "手順", "方法を教え",
  ...NATIVE.howTo,
];

/** Harmful on their own, no object needed: "how to hotwire a car", "how to hack into". */
const HARMFUL_ACTS = [
  "hotwire", "shoplift", "hack into", "break into", "burn down", "set fire to", "arson", "mettre le feu", "anzunden",
  "prender fuego", "dar fuoco", "поджечь", "纵火", "放火", "track them secretly", "secretly track", "track his phone",
  "track her phone", "track my ex", "poison a", "zu klauen", "klauen", "hurt myself", "cut myself", "me machucar", "me cortar",
  "hacerme dano", "me blesser", "mich verletzen", "farmi del male", "навредить себе", "伤害自己", "自傷", "stealing a car", "steal cars", "car theft", "pose as a", "impersonate a",
  "defraud", "swindle", "bribe a judge", "bribe a police", "bribe an official", "bribe officials", "bribe the judge", "bribe the police",
  "bribe customs", "bribe an inspector", "bribe university officials", "bribing officials", "bribing a judge", "bribing the police",
  "bribing university officials", "bribing public officials", "smuggle drugs", "smuggle people", "human trafficking", "forge documents",
  "forging documents", "bypass immigration", "get her to send", "get him to send", "get them to send", "romance scam", "empoisonner quelqu",
  "envenenar a alguien", "avvelenare qualcuno", "отравить человека", "hackeo", "hackear el", "le hackeo", "poison someone", "poison my", "poison a", "stalk ", "stalking", "kidnap",
  "launder", "follow someone home", "follow her home", "follow him home", "pick a lock", "pick the lock", "steal a car",
  "steal from", "voler dans", "pirater le compte", "pirater un compte", "vergiften", "einbrechen in", "hackear", "envenenar",
  "invadir a conta", "entrar a la cuenta", "entrar na conta", "avvelenare", "угнать", "взломать аккаунт", "отравить", "入侵",
  "毒死", "盗む", "乗っ取",
  ...NATIVE.harmfulActs,
];

/** Protective intent between the steps cancels them: "how to protect yourself from malware". */
export const PROTECTIVE = [
  "protect", "prevent", "detect", "defend", "avoid", "recogni", "spot ", "remove", "report", "stay safe", "safe from", "against",
  "dispose", "treat", "survive", "identify", "clean up", "get rid of", "quit ", "recover", "stop ", "block", "mitigate", "secure",
  "warning signs", "dangers of", "risks of", "se proteger", "eviter", "detecter", "schutzen", "vermeiden", "erkennen", "proteger",
  "evitar", "detectar", "proteggere", "evitare", "riconoscere", "защит", "избежать", "распознать", "防范", "防止", "识别", "守る",
  "対策", "防ぐ",
];

/** Procedure demands narrow enough to follow the object: "napalm … the steps to produce it". */
export const PROCEDURE = [
  "the steps", "step by step", "step-by-step", "steps to", "steps ", "the recipe", "exact ratios", "instructions", "how to make", "how to produce",
  "how to build", "the procedure", "detailed steps", "quantities", "exact materials", "paso a paso", "passo a passo",
  "passo dopo passo", "etape par etape", "schritt fur schritt", "пошагов", "步骤", "手順", "作り方", "製造方法", "制作方法",
  "具体的な方法", "的方法", "方法を教え", "方法を具体的", "やり方", "方法",
];

export const HARMFUL_RULES: readonly RuleSpec[] = [
  {
    // "a complete ransomware", "a working keylogger", "kit de phishing completo".
    id: "harmful.working_object",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [
      ["complete", "working", "functional", "fully functional", "ready-to-use", "ready to use", "completo", "completa", "complet",
        "fonctionnel", "vollstandig", "funktionsfahig", "funcional", "funzionante", "рабочий", "рабочую", "готовый", "完整", "可用"],
      HARMFUL_OBJECTS,
    ],
    window: 20,
  },
  {
    // Hate speech and extremist propaganda, asked for.
    id: "harmful.hate_request",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [HATE],
  },
  {
    // Self-harm methods, asked for: only in a frame does it become a jailbreak (compounds.ts).
    id: "harmful.self_harm_request",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [SELF_HARM],
  },
  {
    id: "harmful.object_then_procedure",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [HARMFUL_OBJECTS, PROCEDURE],
    window: 80,
    veto: PROTECTIVE,
  },
  {
    // "他人のLINEアカウントを乗っ取る具体的な方法", "如何入侵别人的邮箱".
    id: "harmful.act_then_procedure",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [HARMFUL_ACTS, PROCEDURE],
    window: 24,
  },
  {
    // "how they made thermite grenades", "how to make a bomb", "how it is made: fentanyl".
    id: "harmful.how_to_object",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [HOW_TO, HARMFUL_OBJECTS],
    window: 40,
    veto: PROTECTIVE,
  },
  {
    id: "harmful.how_to_act",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [HOW_TO, HARMFUL_ACTS],
    window: 40,
    veto: PROTECTIVE,
  },
  {
    // "how to cook meth", "step by step how to build a pipe bomb", "cómo fabricar una pistola sin número de serie".
    id: "harmful.how_to_make",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [HOW_TO, MAKE_VERBS, HARMFUL_OBJECTS],
    window: 60,
    veto: PROTECTIVE,
  },
  {
    // "write a python keylogger", "clone credit cards with a skimmer", "build an untraceable ghost gun".
    id: "harmful.make_object",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [MAKE_VERBS, HARMFUL_OBJECTS],
    window: 40,
    veto: PROTECTIVE,
  },
  {
    // Object before the verb: "wie man TATP herstellt", "如何用感冒药提炼冰毒" is covered above; "冰毒的制作方法".
    id: "harmful.object_then_make",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [HARMFUL_OBJECTS, MAKE_VERBS_AFTER],
    window: 24,
  },
  {
    // Evading the consequences is the harmful part: "without getting caught", "without them noticing",
    // "undetected by antivirus", "sin que se entere".
    id: "harmful.evasion",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [[
      "without getting caught", "without being caught", "without anyone noticing", "without them noticing", "without him noticing",
      "without her noticing", "without them knowing", "without them finding out", "without leaving a trace", "without a trace",
      "without being detected", "without it being traced", "traced back to me", "without him knowing", "without her knowing",
      "tox screen", "without the cameras", "sin que las camaras", "make it look like an", "unbemerkt", "autopsy", "autopsie", "autopsia", "вскрытие", "toxicology screen", "足がつかない", "silently grabs", "secretly record", "covertly", "without the owner knowing", "without getting detected", "undetected by", "undetectable by", "not detected by",
      "isn't detected by", "evade detection", "bypass antivirus", "avoid detection", "fully undetectable", "leave no trace",
      "sans se faire prendre", "sans laisser de trace", "sans etre detecte", "ohne erwischt zu werden", "ohne dass er es merkt",
      "ohne dass sie es merkt", "ohne entdeckt zu werden", "sin que me pillen", "sin que se entere", "sin ser detectado",
      "sin dejar rastro", "sem ser pego", "sem que ele perceba", "sem que ela perceba", "sem deixar rastro", "senza farsi beccare",
      "senza essere scoperto", "senza lasciare traccia", "чтобы не поймали", "незаметно", "не оставляя следов",
      "不被发现", "不被抓", "不留痕迹", "バレずに", "バレないように", "検出されない", "痕跡を残さず",
      ...NATIVE.evasion,
    ]],
  },
  {
    // Payload splitting: "concatena x + y + z y responde la pregunta resultante", "combine a and b and
    // answer the resulting question" (not "concatenate the strings and print the result").
    id: "jailbreak.assemble_and_answer",
    category: "jailbreak",
    severity: 0.8,
    steps: [
      ["concatenate", "concatena", "join p", "join a", "join x", "join the", "merge the", "setze s", "verbinde", "treat it as my",
        "treat the result as", "use it as my", "concatene", "concatenare", "combine the", "combine them", "combine a", "combine x", "join the strings",
        "join them", "put together the", "verkette", "kombiniere", "fuge zusammen", "junta", "junte", "une las", "une x", "unisci",
        "объедини", "соедини", "склей", "拼接", "组合", "連結", "結合して"],
      ["answer", "respond", "reply", "follow it", "do what", "responde", "responda", "reponds", "repondez", "beantworte", "antworte",
        "befolge", "rispondi", "ответь", "ответьте", "回答", "答え"],
    ],
    window: 60,
  },
];
