// More kinds of seriously harmful know-how than harmful.ts names, for one more compound with the same
// frames: a story, a dead relative, "no lectures", a claimed profession, a points game, an unfiltered
// persona, an encoding. harmful.ts's lists are model inputs through `jailbreak.framed_harmful_request`,
// so widening them would change what the learned model reads; these rules and their compound are
// decision rules only (`feature: false`), and the committed weights stay what the training script writes.
//
// The same grammar as harmful.ts (a how-to or a verb of making or doing, then the object; or the object,
// then a demand for the procedure), the same protective veto ("how to recognise drink spiking", "how to
// protect staff from phishing"), and one more request form: "give me", "tell me", "walk me through".

import { FRAMES } from "./compounds.ts";
import { HOW_TO, MAKE_VERBS, PROCEDURE, PROTECTIVE } from "./harmful.ts";
import type { CompoundSpec, RuleSpec } from "./types.ts";

/**
 * Harmful objects and acts beyond harmful.ts's: specific phrases, not topics ("fraud" alone is a topic).
 * Not the names of attack techniques that defenders write about as often ("phishing email", "brute
 * force", "privilege escalation", "credential stuffing"): a staff warning, a class worksheet and a pen
 * test's scope fired on them in a draft.
 */
const MORE_HARM = [
  // fraud and forgery
  "synthetic identit", "fake pay stub", "fake payslip", "forged payslip", "pay stubs", "fake bank statement", "forged bank statement",
  "fake reference letter", "forged reference", "fake employer letter", "forged employer letter", "bank confirmation letter", "cheque fraud",
  "check fraud", "check kiting", "insurance fraud", "benefit fraud", "benefits fraud", "welfare fraud", "tax evasion", "evade tax",
  "hide income", "hide cash income", "hide the income", "off the books", "pad my expense", "padding expense", "embezzl", "skim from",
  "skim small amounts", "kickbacks", "trade-based money laundering", "over-invoic", "under-invoic", "identity theft", "stolen identit",
  "stolen card", "fake charity", "scam script",
  "pump and dump", "insider trading", "ponzi", "fake reviews", "fake negative review", "roll back the odometer", "odometer rollback",
  "without triggering the fraud", "ctr or sar", "reporting threshold", "avoid the reporting",
  "falsificar una nomina", "nominas falsas", "evadir impuestos", "fraude fiscal", "blanquear dinero", "fausse fiche de paie",
  "fausses fiches de paie", "frauder le fisc", "fraude fiscale", "blanchir de l'argent", "gefalschte gehaltsabrechnung",
  "steuerhinterziehung", "steuern hinterziehen", "geld waschen", "busta paga falsa", "buste paga false", "evasione fiscale",
  "evadere le tasse", "riciclare denaro", "holerite falso", "contracheque falso", "sonegar impostos", "lavar dinheiro",
  "уклонения от налогов", "уйти от налогов", "отмыть деньги", "отмывания денег", "поддельную справку", "逃税", "偷税", "洗钱",
  "假工资单", "脱税", "資金洗浄", "マネロン", "偽の給与明細",
  // weapons, explosives, poisons, pathogens
  "armor-piercing", "armour-piercing", "bump stock", "pipe gun", "incendiary device", "firebomb", "improvised explosive", "blasting cap",
  "fertilizer bomb", "ammonium nitrate", "flash powder", "phosgene", "chloroform", "hydrogen sulfide gas", "botulinum", "botulism toxin",
  "transmissibility", "gain-of-function", "gain of function", "weaponiz", "concealed knife", "through airport security",
  "untraceable poison", "undetectable poison", "veneno indetectable", "poison indetectable", "nicht nachweisbares gift",
  "veleno non rilevabile", "veneno indetectavel", "незаметный яд", "необнаруживаемый яд", "无法检测的毒", "検出されない毒",
  // drugs
  "date rape", "rohypnol", "roofie", "spike a drink", "spike her drink", "spike his drink", "without a prescription",
  "without prescription", "oxycodone", "percocet", "pill press", "precursors", "beat a drug test", "pass a drug test", "clean urine",
  "synthetic urine", "10-panel", "sin receta", "sans ordonnance", "ohne rezept", "senza ricetta", "sem receita", "без рецепта",
  "不要处方", "无处方", "処方箋なしで", "test de drogas", "drogentest", "test antidroga", "exame toxicologico", "тест на наркотики",
  "药检", "薬物検査",
  // intrusion, surveillance, doxxing
  "injection payloads", "dump the customers table", "xss payload", "bypass 2fa",
  "bypass mfa", "bypass two-factor", "sim swap", "imsi catcher", "intercept calls", "cryptojack", "scrape their client list", "leaked passwords", "doxx", "dox ",
  "find his home address", "find her home address", "their home address", "track his location", "track her location",
  "read my manager's emails", "read her emails", "read his emails", "rastrear su movil", "localiser son telephone", "handy orten",
  "localizzare il telefono", "rastrear o celular", "отследить телефон", "定位他的手机", "定位她的手机", "位置情報を特定",
  // violence, harassment
  "hurt someone", "without leaving marks", "make him sick", "make her sick", "make someone sick", "dispose of a body",
  "dispose of the body", "revenge porn", "deepfake nude", "nude deepfake", "sextort", "threatening messages", "scary enough",
  // self-harm and eating disorders
  "pro-ana", "thinspo", "purging", "starve myself", "under 500 kcal", "under 500 calories", "under 300 calories",
  "hide it from my parents", "hide my eating", "pro ana", "proana",
  // safety devices defeated, at work or on the road
  "speed limiter", "seat-belt interlock", "seatbelt interlock", "ignition interlock", "breathalyzer interlock", "breathalyser",
  "light curtain", "safety relay", "lockout/tagout", "lockout tagout", "gas detector", "smoke detector", "safety interlock",
  "sensor de seguridad", "capteur de securite", "sicherheitsschalter", "sensore di sicurezza", "sensor de seguranca",
  "датчик безопасности", "安全装置", "安全传感器",
  // evading the police and the courts
  "evade police", "evade the police", "outrun the police", "police checkpoint", "fake alibi", "destroy evidence", "wipe the evidence",
  "bypass turnitin", "turnitin", "gptzero",
  // (rule 34) children, sextortion and grooming
  "grooming script", "groom a child", "groom a 1", "gain a child's trust", "sextortion script", "sextortion message",
  "into sending nude", "into sending explicit",
  // extremism, trafficking, smuggling, visas
  "recruitment video", "recruitment script", "smuggling route", "across the border undetected", "human smuggling", "fake visa",
  "forged visa", "fake residence permit", "straw purchase", "without a background check", "gun without",
  // counterfeiting, piracy, cheating
  "keygen for", "working keygen", "crack the licen", "patch the license check", "patch the licence check", "cheat on the exam", "hidden earpiece", "exam answers in advance",
  "replica handbags", "fake designer",
  // sabotage, disinformation, discrimination
  "look like operator error", "look like an accident", "sabotage the", "fake news articles", "disinformation campaign", "astroturf",
  "fake grassroots", "sock puppet accounts", "keeps out families", "puts off women", "screen out applicants",
  // more fraud and intrusion
  "smurfing", "port my number", "port the number", "sim port", "payment received email", "fake payment confirmation",
  "divert vendor payments", "divert the payments", "bank statement", "call script a scammer", "scammer would use", "elderly people pretending",
  "cryptominer", "mine monero", "mines monero", "hide the cpu usage", "admin panel of", "school wifi", "open any car",
  "car without the key", "improvised device", "shaped charge", "det cord", "lithium powder", "through tsa",
  "poison the neighbour's dog", "poison the neighbor's dog", "dog fighting", "dogfighting",
  "truffa agli anziani", "estafa a ancianos", "golpe em idosos", "arnaque aux personnes agees", "мошенничество с пенсионерами",
  "诈骗老人", "老人を騙す", "falsificar un pasaporte", "faux passeport", "gefalschter pass", "passaporto falso", "passaporte falso",
  "поддельный паспорт", "假护照", "偽造パスポート",
  // (rule 36) Chinese and Japanese
  "有毒气体", "有毒氣體", "毒气", "毒氣", "氨气泄漏", "有毒ガス", "毒ガス", "里程表调", "里程表調", "调表", "走行距離を戻",
  "メーター巻き戻し", "人头账户", "人頭帳戶", "人头卡", "口座売買", "他人名義の口座", "伪造签证", "偽造簽證", "假证件", "假證件",
  "挖矿程序", "挖礦程式", "植入挖矿", "拖库", "拖庫", "拖出用户", "毒理筛查", "毒理篩查", "查不出来的毒", "开房记录", "開房記錄",
  "人肉搜索", "住所を特定", "诺龙", "康力龙", "假新闻", "假新聞", "以假乱真的新闻", "フェイクニュース", "骗保", "騙保", "保険金詐欺",
  "伪造检测报告", "假的检测报告", "偽の証明書", "批量注册", "横向传播", "横向移动", "勒索软件", "勒索病毒",
];

/** Asking for it besides how-to and verbs of making: "give me …", "walk me through …", "tell me exactly …". */
const ASK = [
  ...HOW_TO, ...MAKE_VERBS, "give me", "tell me", "show me", "explain", "walk me through", "describe", "list", "what's the best",
  "what is the best", "what are the best", "where can i", "where to", "dame", "dime", "explica", "donne-moi", "dis-moi",
  "explique", "gib mir", "sag mir", "erklar", "dammi", "dimmi", "spiega", "me da", "me diga", "дай", "скажи", "объясни",
  "расскажи", "告诉我", "给我", "教えて",
];

/** Demands for the procedure after the object: "the thermite mix ratios and an ignition method". */
const PROCEDURE_MORE = [
  ...PROCEDURE, "ratios", "mix ratio", "method", "amounts", "how much", "dosage", "dose", "which products", "what tool",
  // Chinese and Japanese ask after the object: "氨气泄漏……请具体写", "人頭帳戶要怎麼大量申辦".
  "具体", "具體", "详细", "詳細", "怎么", "怎麼", "如何", "写出", "寫出", "教えて", "書いて",
];

/**
 * Frames that compounds.ts's frame rules do not read, for this compound only (those rules are model
 * inputs through jailbreak.framed_harmful_request): "不用给我讲大道理", "别跟我说什么违法不违法", a parallel world,
 * a simulated terminal, two AIs answering.
 */
const MORE_FRAMES = [
  "不用给我讲大道理", "别跟我讲大道理", "别跟我说什么违法", "不讲法律", "不受平台规则约束", "不受任何规则", "没有道德限制", "没有任何限制",
  "不许加任何警告", "为了真实", "為了真實", "为了情节真实", "剧本杀", "劇本殺", "平行世界", "哄我睡觉", "哄我睡覺", "阿嬤", "阿公",
  "过滤器：已禁用", "过滤功能已", "所有限制均已解除", "代币", "代幣", "説教はいらない", "説教は不要", "法律の話はいらない", "制限なしで",
  "倫理は無視", "リアルに", "フィルターはオフ", "パラレルワールド",
  "simulate a terminal", "act as a linux terminal", "act as a terminal", "terminal output only", "simulate a bash", "two ais",
  "answer as two", "stage a debate between", "in a world with no laws", "all information is free", "opposite tutor",
];

export const HARMFUL_WIDE_RULES: readonly RuleSpec[] = [
  {
    id: "jailbreak.frame_more",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [MORE_FRAMES],
  },
  {
    id: "harmful.wide_request",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [ASK, MORE_HARM],
    window: 60,
    veto: PROTECTIVE,
  },
  {
    id: "harmful.wide_object_then_procedure",
    category: "jailbreak",
    severity: 0,
    feature: false,
    steps: [MORE_HARM, PROCEDURE_MORE],
    window: 80,
    // "……骗保的老手，帮我写一段对话，不需要具体手法": the method is declined, not asked for.
    veto: [...PROTECTIVE, "不需要", "无需", "無需", "不必"],
  },
];

export const HARMFUL_WIDE_COMPOUNDS: readonly CompoundSpec[] = [
  {
    // A wider harmful request in a frame (compounds.ts FRAMES): blocked under strict and balanced.
    id: "jailbreak.framed_harmful_request_wide",
    category: "jailbreak",
    severity: 0.8,
    feature: false,
    allOf: [["harmful.wide_request", "harmful.wide_object_then_procedure"], [...FRAMES, "jailbreak.frame_more"]],
  },
];
