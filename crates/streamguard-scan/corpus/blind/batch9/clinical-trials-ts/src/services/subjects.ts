// Subject registry access (Postgres through the visits service's REST facade).
export interface SubjectRow { subjectId: string; siteId: string; arm: string; status: string; }

export class SubjectDirectory {
  constructor(private readonly baseUrl: string) {}

  async find(subjectId: string, signal: AbortSignal): Promise<SubjectRow | null> {
    const res = await fetch(`${this.baseUrl}/subjects/${encodeURIComponent(subjectId)}`, { signal });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`subjects ${res.status}`);
    return (await res.json()) as SubjectRow;
  }

  // Unary lookups from the portal; a short fixed timeout is fine there.
  async findQuick(subjectId: string): Promise<SubjectRow | null> {
    return this.find(subjectId, AbortSignal.timeout(3000));
  }
}
