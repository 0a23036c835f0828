export class ScanStore {
  constructor(private readonly bucketUrl: string) {}

  async put(target: { subjectId: string; visit: string }, body: Buffer, signal: AbortSignal): Promise<string> {
    const key = `${target.subjectId}/${target.visit}/${Date.now()}.dcm`;
    const res = await fetch(`${this.bucketUrl}/${key}`, { method: "PUT", body, signal });
    if (!res.ok) throw new Error(`scan store ${res.status}`);
    return key;
  }
}
