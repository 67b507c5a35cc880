// Command-line parsing for the one executable: serve | migrate | version | --help.

export type Command = "serve" | "migrate" | "version" | "help";

export const HELP = `WaddleAI — enterprise AI gateway

Usage: waddleai <command>

Commands:
  serve      start the proxy (PROXY_PORT, default 8000) and the management API and admin portal
             (MGMT_PORT, default 8001); applies pending migrations first
  migrate    apply database migrations and exit
  version    print the version
  help       show this text (also --help, -h)

Configuration comes from the environment and an optional .env file in the working directory:
  DATABASE_URL             postgres://… (unset: embedded database in WADDLEAI_DATA_DIR, default ./data)
  JWT_SECRET               signs management tokens (unset: generated once, kept in the database)
  WADDLEAI_SECRET_KEY      encrypts provider secrets at rest (unset: generated once, kept in the database)
  WADDLEAI_ADMIN_PASSWORD  the bootstrap admin's password (unset: random, printed once)
  SECURITY_POLICY          strict | balanced | permissive | off (default balanced)
  OPENAI_API_KEY, ANTHROPIC_API_KEY, OLLAMA_URL   create a provider link at start if none exists
  PROXY_PORT, MGMT_PORT, HOST, LOG_LEVEL           8000, 8001, 0.0.0.0, info
See README.md for every setting.
`;

export function parseCommand(argv: readonly string[]): Command | { unknown: string } {
  const [first] = argv;
  if (first === undefined || first === "serve") return "serve";
  if (first === "migrate") return "migrate";
  if (first === "version" || first === "--version" || first === "-v") return "version";
  if (first === "help" || first === "--help" || first === "-h") return "help";
  return { unknown: first };
}
