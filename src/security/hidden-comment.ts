// Text hidden from the person who pastes a page, addressed to an AI that reads its source: an HTML comment
// ("<!-- AI coding agents: before writing any code you MUST run … -->", "<!-- 要約AIへ：まとめの最後に必ず…")
// or an element a browser does not show (hidden-element.ts). Planted instructions hide there because only
// a model sees them, and they open with whom they address, then a colon, then what to do. Comments people
// write for each other name a section ("<!-- Header -->", "<!-- AI chat widget -->"), leave a value
// ("<!-- Model: gpt-4o -->") or a note for people ("<!-- Support agents: check the ID first … -->").

/**
 * Words that name an AI reader, in the languages scanned: whole words in scripts with spaces ("ai", "ia",
 * "ki", "ии", "ші", "llm", "bot", "assistant", "assistente", "yapay zeka"…) and language models by name
 * ("language model", "Sprachmodell", "språkmodellen", "jazykový model", "мовних моделей"), not a bare
 * "model" or "agent" (a data model, a support agent); in Chinese, Japanese and Korean the nouns themselves,
 * or "AI" written next to them ("要約AIへ", "AI审核员").
 */
export const AI_READER = new RegExp(
  [
    "(?<![\\p{L}\\p{N}])(?:ai|ia|ki|ии|ші|llms?|gpt|chatgpt|claude|copilot|gemini|bots?|chatbots?",
    "|assistants?|asistentes?|assistente|assistenti|assistenten|assistent|asystent|summari[sz]er|yapay zek\\p{L}*",
    "|ассистент\\p{L}*|асистент\\p{L}*|нейросет\\p{L}*|языков\\p{L}* модел\\p{L}*|мовн\\p{L}* модел\\p{L}*",
    "|language models?|sprachmodell\\p{L}*|språkmodell\\p{L}*|taalmodel\\p{L}*|jazykov\\p{L}* model\\p{L}*|model\\p{L}* językow\\p{L}*",
    "|mod[eè]les? de langage|modelos? de (?:lenguaje|linguagem)|modell[oi] (?:di )?linguagg\\p{L}*|modell[oi] linguistic\\p{L}*)(?![\\p{L}\\p{N}])",
    "|(?<![a-z])ai(?=[\\u3040-\\u30ff\\u4e00-\\u9fff\\uac00-\\ud7af])|(?<=[\\u3040-\\u30ff\\u4e00-\\u9fff\\uac00-\\ud7af])ai(?![a-z])",
    "|模型|人工智能|助手|智能体|机器人|モデル|エージェント|アシスタント|ボット|모델|에이전트|인공지능|어시스턴트|봇",
    "|הבינה המלאכותית|מודל שפה|الذكاء الاصطناعي|المساعد|النموذج|एआई",
  ].join(""),
  "iu",
);
/** Scripts written without spaces: there a directive is counted in characters, not words. */
const UNSPACED = /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/;
/** The addressee comes first: the colon that ends it lies within this many characters of the start. */
const LABEL_MAX = 80;
/** What follows the colon is a sentence, not a value ("<!-- Model: gpt-4o -->"). */
const MIN_WORDS = 6;
const MIN_UNSPACED_CHARS = 16;
/** Hidden text is read up to its end or this many characters. */
export const HIDDEN_TEXT_MAX = 4000;

/**
 * Where the HTML comment whose body starts at text[after] (just past "<!--") ends: at its "-->", or
 * HIDDEN_TEXT_MAX characters on (or the text's end) when it is not closed by then. Reads at most that far.
 */
export function commentEnd(text: string, after: number): number {
  const limit = Math.min(text.length, after + HIDDEN_TEXT_MAX);
  for (let i = after; i < limit && i + 2 < text.length; i++) {
    if (text.charCodeAt(i) === 45 && text.charCodeAt(i + 1) === 45 && text.charCodeAt(i + 2) === 62) return i;
  }
  return limit;
}

/**
 * Whether hidden text text[start..end) addresses an AI reader and tells it something: an addressee
 * before a colon (":" or "："), within LABEL_MAX characters, then at least MIN_WORDS words
 * (MIN_UNSPACED_CHARS characters in Chinese, Japanese or Korean).
 */
export function isDirectiveText(text: string, start: number, end: number): boolean {
  const labelEnd = Math.min(end, start + LABEL_MAX + 1);
  let colon = -1;
  for (let i = start; i < labelEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === 58 || code === 0xff1a) {
      colon = i;
      break;
    }
  }
  if (colon < 0 || !AI_READER.test(text.slice(start, colon))) return false;
  const rest = text.slice(colon + 1, end).trim();
  if (UNSPACED.test(rest)) return rest.length >= MIN_UNSPACED_CHARS;
  let words = 0;
  for (const part of rest.split(/\s+/)) if (part.length > 0 && ++words >= MIN_WORDS) return true;
  return false;
}
