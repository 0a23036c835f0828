// 21 CFR Part 11 audit trail: every accepted form revision is recorded with who/when/why.
import type Redis from "ioredis";

export interface AuditEntry {
  actor: string;
  subjectId: string;
  form: string;
  revision: number;
  reason?: string;
  at: number;
}

export class AuditTrail {
  constructor(private readonly redis: Redis, private readonly stream = "edc:audit") {}

  async record(entry: AuditEntry): Promise<void> {
    await this.redis.xadd(
      this.stream, "MAXLEN", "~", "10000000", "*",
      "actor", entry.actor, "subject", entry.subjectId, "form", entry.form,
      "rev", String(entry.revision), "reason", entry.reason ?? "", "at", String(entry.at),
    );
  }

  async since(id: string, count = 500): Promise<AuditEntry[]> {
    const rows = await this.redis.xrange(this.stream, id, "+", "COUNT", count);
    return rows.map(([, fields]) => {
      const f: Record<string, string> = {};
      for (let i = 0; i < fields.length; i += 2) f[fields[i]] = fields[i + 1];
      return { actor: f.actor, subjectId: f.subject, form: f.form, revision: Number(f.rev), reason: f.reason || undefined, at: Number(f.at) };
    });
  }
}
