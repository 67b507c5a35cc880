// Scans every prompt before it reaches a provider, under the policy resolved global → organisation →
// key. A block answers 400 content_policy_violation naming the category (never the matched text); a
// flag forwards the request. Either way one security event is recorded, off the hot path.
import type { SecurityPolicySetting } from "../config/schema.ts";
import { GatewayError } from "../errors.ts";
import type { Metrics } from "../metrics/registry.ts";
import { isPolicyName, type PolicyName, resolvePolicy, scanMessages } from "../security/index.ts";
import type { SecurityEventRow } from "../security-events/writer.ts";
import type { GateInput, GatePass, RequestGate } from "./gate.ts";
import { promptTexts } from "./prompt-texts.ts";

const PASS: GatePass = {};

function policyOrNull(value: string | null): PolicyName | null {
  return isPolicyName(value) ? value : null;
}

export function securityGate(globalPolicy: SecurityPolicySetting, record: (event: SecurityEventRow) => void, metrics: Metrics): RequestGate {
  return {
    name: "security",
    check(input: GateInput) {
      const { key } = input;
      const policy = resolvePolicy(globalPolicy, policyOrNull(key.organizationSecurityPolicy), policyOrNull(key.securityPolicy));
      if (policy === "off") return PASS;
      const result = scanMessages(promptTexts(input.operation, input.body), policy);
      if (result.action === "allow") return PASS;
      const findings = [...result.findings].sort((a, b) => (a.action === b.action ? b.score - a.score : a.action === "block" ? -1 : 1));
      const top = findings[0];
      if (!top) return PASS;
      const action = result.action;
      record({
        requestId: input.requestId,
        category: top.category,
        action,
        score: top.score,
        rules: findings.flatMap((finding) => finding.rules.map((rule) => `${finding.category}:${rule}`)),
        policy,
        keyId: key.id,
        userId: key.userId,
        organizationId: key.organizationId,
        model: input.model,
        endpoint: input.format === "anthropic" ? "messages" : input.operation,
        excerpt: result.excerpt.slice(0, 200),
        createdAt: new Date(),
      });
      metrics.securityEvent(top.category, action);
      if (action === "block") {
        return new GatewayError("content_policy_violation", `The prompt was blocked by the ${policy} security policy (category: ${top.category}).`, {
          param: "messages",
        });
      }
      return PASS;
    },
  };
}
