// Request-body schemas for limit values, bounded by the columns that store them: RPM and TPM are
// Postgres integers; quotas are bigints, kept to what a JavaScript number holds exactly. A larger
// value is a 400, not a database error.
import { t } from "elysia";

const MAX_RATE_LIMIT = 2_147_483_647;
const MAX_QUOTA = Number.MAX_SAFE_INTEGER;

export const rateLimitValue = t.Optional(t.Union([t.Integer({ minimum: 0, maximum: MAX_RATE_LIMIT }), t.Null()]));
export const quotaValue = t.Optional(t.Union([t.Integer({ minimum: 0, maximum: MAX_QUOTA }), t.Null()]));
