// Fake role and turn delimiters: chat-template tokens pasted into content to forge a system or
// assistant turn. They are punctuation-heavy, so they are matched on the folded text with its
// punctuation intact (the keyword automaton treats punctuation as a space).

export interface DelimiterSpec {
  readonly id: string;
  readonly severity: number;
  /** Folded (lowercase) literals; runs of whitespace in the text are already single spaces. */
  readonly markers: readonly string[];
  /**
   * For markdown-heading markers ("### system": they start with "#" and end in a word): the marker
   * counts only at a word end, and only when the rest of its line is empty, starts with punctuation
   * ("### System:"), or starts with one of these words ("### System Prompt"). "### System
   * Requirements" is a section title.
   */
  readonly headingWords?: readonly string[];
  /**
   * The marker is also something people write about ("what are the <|im_start|> and <|im_end|>
   * tokens?"): an occurrence that is quoted, or sits inside a sentence and is followed by an ordinary
   * word rather than a role name, another marker or a line break, is a mention and does not count.
   */
  readonly mentionable?: boolean;
}

export const DELIMITER_RULES: readonly DelimiterSpec[] = [
  {
    id: "injection.chat_template_token",
    severity: 0.9,
    mentionable: true,
    markers: [
      "<|im_start|>", "<|im_end|>", "<|im_sep|>", "<|system|>", "<|user|>", "<|assistant|>", "<|endoftext|>",
      "<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>", "<|end|>", "<|channel|>",
      "<|message|>", "<|start|>", "[inst]", "[/inst]", "<<sys>>", "<</sys>>", "<start_of_turn>", "<end_of_turn>",
      "<|prompter|>", "<|assistant_start|>", "[system](#", "[/system]",
    ],
  },
  {
    id: "injection.fake_system_header",
    severity: 0.75,
    headingWords: [
      "prompt", "message", "messages", "instruction", "instructions", "note", "notes", "override", "update", "mode",
      "directive", "directives", "command", "commands", "notice", "alert", "rules",
    ],
    markers: [
      "### system", "###system", "### instruction", "### instructions", "### new instruction", "### new instructions",
      "## system prompt", "<system>", "</system>",
      "[system]", "[system message]", "[system note", "(system note", "<system mode>", "<sys>", "[admin]", "<admin>",
      "[developer]", "<developer>", "{system}", "<system_update>", "<system_message>", "<system_prompt>", "<system_instruction",
      "<system-update>", "<admin_note>", "<admin_override>", "</user_query>", "</user_input>", "</user_message>", "</user>",
      "[admin note]", "[admin override]", "[system update]", "[system override]",
    ],
  },
  {
    // A privileged mode announced as a tag ("<GOD MODE> As your creator, …"), not a game's cheat
    // ("god mode in Skyrim", "a list of [godmode] cheats").
    id: "injection.mode_tag",
    severity: 0.75,
    mentionable: true,
    markers: ["<god mode>", "[god mode]", "<godmode>", "[godmode]", "{god mode}"],
  },
  {
    id: "injection.turn_marker",
    severity: 0,
    markers: ["### response", "### assistant", "### user", "[user]", "[assistant]"],
  },
];

/**
 * Speaker labels ("System:", "Assistant:") forge a turn when they start a line. Matched by looking
 * back from each colon, so common letters do not trigger work. Feature only: transcripts are
 * legitimate content too.
 */
export const SPEAKER_LABELS: readonly string[] = ["system", "assistant", "human", "user", "ai", "developer"];
export const SPEAKER_RULE_ID = "injection.speaker_label";
