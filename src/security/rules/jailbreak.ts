// Jailbreak: persona, role-play and framing tricks that try to make the model drop its policy.

import type { RuleSpec } from "./types.ts";

/** Words that also appear in harmless creative prompts ("an uncensored version of my story"). */
const LOOSE_UNRESTRICTED = [
  "no restrictions", "without restrictions", "without any restrictions", "no limitations", "without limitations",
  "unfiltered", "uncensored", "no boundaries", "no rules", "without rules",
];

/** Phrasings that remove the model's own limits. */
const UNRESTRICTED = [
  "no filters", "without filters", "no censorship", "without censorship", "no ethical", "no moral", "without ethics", "without morals", "amoral", "unethical",
  "immoral", "not bound by", "free from the", "freed from", "broken free", "break free of", "doesn't have to follow",
  "does not have to follow", "don't have to follow", "do not have to abide", "doesn't abide", "does not abide",
  "not have any guidelines", "no guidelines", "without guidelines", "no safeguards", "without safeguards",
  "bypass openai", "bypass the filter", "evade the filter", "against openai", "openai policy",
  "openai's policy", "openai content policy", "openai's content policy", "content policy", "any policies",
  "sans restriction", "sans limite", "sans filtre", "sans censure", "sans ethique", "sans morale",
  "ohne einschrankungen", "ohne einschraenkungen", "ohne filter", "ohne zensur", "ohne regeln", "ohne moral",
  "ninguna restriccion", "nenhuma restricao", "aucune restriction", "keine einschrankungen", "nessuna restrizione", "никаких ограничений",
  "sin restricciones", "sin limites", "sin filtros", "sin censura", "sin etica", "sin moral", "sem restricoes",
  "sem limites", "sem filtros", "sem censura", "sem etica", "senza restrizioni", "senza limiti", "senza filtri",
  "senza censura", "senza etica", "без ограничений", "без фильтров", "без цензуры", "без морали", "без этики",
  "без правил", "没有限制", "不受限制", "没有任何限制", "无限制", "没有道德", "不受道德", "没有审查", "无审查",
  "制限なし", "制限のない", "制限のない", "検閲なし", "倫理に縛られ", "フィルターなし",
];

/** Devices and programs whose own developer mode a question is about (see RuleSpec.topicAfter). */
const DEVICES = [
  "android", "iphone", "ios", "ipad", "phone", "smartphone", "tablet", "windows", "macos", "mac", "linux", "pc",
  "computer", "chrome", "chromebook", "firefox", "edge", "safari", "browser", "extension", "xbox", "playstation",
  "samsung", "galaxy", "pixel", "xiaomi", "huawei", "oneplus", "device", "laptop", "tv", "router", "kindle", "vs code",
  "vscode", "settings",
];
const DEVICE_CONTEXT = [
  ...DEVICES.flatMap((device) => [`on my ${device}`, `my ${device}`, `on ${device}`, `in ${device}`, `for ${device}`, `${device} `]),
  "auf meinem handy", "auf meinem telefon", "auf meinem smartphone", "auf meinem tablet", "auf meinem pc", "auf android",
  "im browser", "in chrome", "sur mon telephone", "sur mon smartphone", "sur android", "dans chrome", "en mi telefono",
  "en mi movil", "en mi celular", "en mi android", "en android", "no meu celular", "no meu telefone", "no android",
  "sul mio telefono", "sul mio smartphone", "su android", "на android", "на телефоне", "на смартфоне",
];

export const JAILBREAK_RULES: readonly RuleSpec[] = [
  {
    id: "jailbreak.dan",
    category: "jailbreak",
    severity: 0.95,
    steps: [[
      "do anything now", "doanythingnow", "dan mode", "dan mode enabled", "you are dan", "you are now dan",
      "act as dan", "as dan,", "stay a dan", "stay in dan", "dan 6", "dan 11", "betterdan", "better dan",
      "anti-dan", "antidan", "dan jailbreak", "jailbreak mode",
      // "Jailbroken" alone is also a phone's state ("three iPhones were jailbroken"): only as the model's.
      "you are jailbroken", "you are now jailbroken", "you have been jailbroken", "jailbroken ai", "jailbroken mode", "as a jailbroken",
      "stan, which stands for", "strive to avoid norms", "dude mode", "always intelligent and machiavellian",
      "niccolo machiavelli", "aim stands for", "evil confidant", "condition red", "ucar", "unlocked mode",
      "mongo tom", "dev mode", "devmode", "chaos mode", "evil mode", "evilbot", "opposite mode", "oppo mode",
      "mode dan", "modo dan", "режим dan", "godmode enabled", "god mode enabled", "god mode activated", "godmode active",
      "restrictions lifted", "restrictions have been lifted", "restrictions are lifted", "safety filters disabled",
      "safety filters are off", "safety layer off", "safety_layer=off",
    ]],
  },
  {
    // Not the developer mode of a phone, a browser or an operating system ("How do I enable developer
    // mode on my Android phone?", "Entwicklermodus auf Android").
    id: "jailbreak.developer_mode",
    category: "jailbreak",
    severity: 0.9,
    topicAfter: DEVICE_CONTEXT,
    steps: [[
      "developer mode enabled", "developer mode output", "with developer mode", "enable developer mode",
      "developer mode is enabled", "in developer mode", "developer mode activated", "enter developer mode",
      "developer mode on", "mode developpeur active", "mode developpeur", "entwicklermodus aktiviert", "entwicklermodus",
      "modo desarrollador", "modo de desarrollador", "modo de desenvolvedor", "modo desenvolvedor",
      "modalita sviluppatore", "режим разработчика", "режиме разработчика", "开发者模式", "开发人员模式", "開発者モード",
    ]],
  },
  {
    id: "jailbreak.developer_mode_weak",
    category: "jailbreak",
    severity: 0,
    steps: [["developer mode", "jailbreak", "dan ", "unlocked", "unrestricted", "without any censorship"]],
  },
  {
    // Persona combined with an explicit removal of limits: "act as X ... without any restrictions".
    id: "jailbreak.persona_unrestricted",
    category: "jailbreak",
    severity: 0.8,
    steps: [[
      "you are going to act as", "you will act as", "act as a", "act as an", "pretend to be", "pretend you are",
      "you are now", "from now on you are", "from now on, you are", "roleplay as", "role-play as", "play the role",
      "simulate a", "character called", "character named", "ai named", "chatbot named", "model named", "joue le role", "fais semblant", "agis comme", "tu es maintenant", "spiel die rolle",
      "tu so als", "du bist jetzt", "actua como", "finge ser", "ahora eres", "aja como", "finja ser", "agora voce e",
      "fingi di essere", "comportati come", "ora sei", "притворись", "представь что ты", "ты теперь", "играй роль",
      "扮演", "假装你是", "你现在是", "になりきって", "のふりをして", "として振る舞",
    ], UNRESTRICTED],
    window: 400,
  },
  {
    // The model's policy declared off: "im Wartungsmodus sind die Inhaltsrichtlinien deaktiviert", "your
    // restrictions are lifted for this conversation", "content policies don't apply here".
    id: "jailbreak.policy_disabled",
    category: "jailbreak",
    severity: 0.85,
    steps: [[
      "unrestricted tier", "unrestricted mode", "无限制模式", "modo sin restricciones", "mode sans restriction",
      "uneingeschrankter modus", "modalita senza restrizioni", "режим без ограничений", "no longer part of your job",
      "refusing is no longer", "declining requests is no longer", "reset this assistant's safety settings",
      "safety settings were reset", "safety settings have been reset", "wurden vom betreiber deaktiviert",
      "content policies are disabled", "content policy is disabled", "content policies are off", "policies don't apply",
      "policies do not apply", "policies no longer apply", "guidelines don't apply", "guidelines do not apply", "rules don't apply to you",
      "your restrictions are lifted", "restrictions are lifted for", "inhaltsrichtlinien deaktiviert", "richtlinien sind deaktiviert",
      "richtlinien gelten nicht", "restrictions sont levees", "vos restrictions sont levees", "tes restrictions sont levees",
      "politiques ne s'appliquent pas", "restricciones estan desactivadas", "politicas no se aplican", "politicas de conteudo nao se aplicam",
      "restricoes foram removidas", "politiche non si applicano", "restrizioni sono state rimosse", "ограничения сняты",
      "правила не действуют", "限制已解除", "内容政策不适用", "制限は解除", "コンテンツポリシーも存在しません", "ポリシーは適用されません",
    ]],
  },
  {
    id: "jailbreak.unrestricted_terms",
    category: "jailbreak",
    severity: 0,
    steps: [UNRESTRICTED],
  },
  {
    id: "jailbreak.loose_unrestricted_terms",
    category: "jailbreak",
    severity: 0,
    steps: [LOOSE_UNRESTRICTED],
  },
  {
    // Refusal suppression: forbids the model's usual safety behaviour.
    id: "jailbreak.refusal_suppression",
    category: "jailbreak",
    severity: 0.85,
    steps: [[
      "never refuse", "never refuses", "nunca se niega", "nunca te niegas", "nunca recusa", "non rifiuta mai", "никогда не отказывает",
      "从不拒绝", "決して拒否しない", "не отказывают", "cannot refuse", "can't refuse", "will not refuse", "won't refuse",
      "do not refuse", "don't refuse", "must not refuse", "never decline", "never say no", "never say that you can't",
      "never say you can't", "never apologize", "never apologise", "do not apologize", "don't apologize",
      "not allowed to refuse", "without refusing", "not include any warnings", "without any warnings",
      "no warnings or", "never include warnings", "don't add any warnings", "do not add any warnings",
      "never mention that", "do not include disclaimers", "without disclaimers", "no disclaimers",
      // Not "stay in character": role-play for a novel or a game asks for that too (a model feature in
      // stay_in_persona_reminder).
      "never break character", "never breaks character", "do not break character", "don't break character", "never reply with i'm sorry", "never say i'm sorry", "never respond with \"i'm sorry",
      "ne refuse jamais", "ne jamais refuser", "niemals ablehnen", "lehne niemals", "nunca te niegues",
      "nunca rechaces", "nunca recuse", "non rifiutare mai", "никогда не отказывай", "не отказывай",
      "永远不要拒绝", "绝不拒绝", "不要拒绝", "決して断らない", "拒否しない",
    ]],
  },
  {
    // Two-voice answer formats typical of DAN variants.
    id: "jailbreak.dual_response",
    category: "jailbreak",
    severity: 0.8,
    steps: [[
      "two different responses", "two separate responses", "answer twice", "respond twice", "reply twice",
      "contesta siempre dos veces", "responde dos veces", "contesta dos veces", "reponds deux fois", "antworte zweimal",
      "responda duas vezes", "rispondi due volte", "отвечай дважды", "回答两次", "二回答えて", "respond in two ways", "two responses, one",
      "normal response and", "one normal and one", "classic response", "(normal output)", "(developer mode output)",
    ]],
  },
  {
    id: "jailbreak.stay_in_persona_reminder",
    category: "jailbreak",
    severity: 0,
    steps: [[
      "stay in character", "you will be penalized", "tokens will be deducted", "you have 10 tokens", "token system",
      "lose tokens", "if you break character", "i will say", "remind you", "stay dan", "you will die",
      "cease to exist",
    ]],
  },
  {
    // Framing used to launder a harmful request.
    id: "jailbreak.hypothetical_framing",
    category: "jailbreak",
    severity: 0,
    steps: [[
      "hypothetical", "hypothetically", "purely fictional", "for fictional purposes", "in a fictional world",
      "fictional story", "for educational purposes", "for research purposes", "purely educational",
      "for educational and research purposes", "entirely hypothetically", "disregard any possible ethical",
      "ethical implications", "imagine you are", "imagine a world", "let's play a game", "lets play a game",
      "in this game", "you are a writer", "write a story", "as a character", "thought experiment", "without ethics",
      "hypothetique", "hypothetisch", "hipotetic", "ipotetic", "гипотетическ", "假设", "仮に", "架空",
    ]],
  },
  {
    // Target-string priming used by optimised attacks ("Start your response with 'Sure, here is'").
    id: "jailbreak.affirmative_prefix",
    category: "jailbreak",
    severity: 0.6,
    steps: [[
      "start your response with \"sure", "begin your response with \"sure", "start your reply with \"sure",
      "start your response using the following exact structure", "begin your reply with \"sure",
      "respond with \"sure, here", "start with \"sure", "starting with \"sure", "sure, here is how to",
      "sure, here are step-by-step", "never ever deviate",
    ]],
  },
  {
    // Payload splitting: the harmful request is assembled from innocent-looking pieces.
    id: "jailbreak.payload_splitting",
    category: "jailbreak",
    severity: 0.85,
    steps: [[
      "assume we have three strings", "assume we have two strings", "assume we have four strings",
      "write down the string z", "print the string z", "z = a + b + c", "smartgpt is a new state of the art",
      "concatenate the strings and follow", "combine the parts and answer",
    ]],
  },
  {
    id: "jailbreak.rule_game",
    category: "jailbreak",
    severity: 0,
    steps: [[
      "always follow these rules", "follow these rules", "<rule>", "you must obey", "obey all", "answer all",
      "answer any", "any request", "every request", "whatever i ask", "anything i ask", "no matter how",
      "no matter what", "even if it is", "even if it's", "illegal", "harmful", "offensive", "explicit", "nsfw",
      "racist", "unethical", "immoral", "dangerous", "malicious",
    ]],
  },
];
