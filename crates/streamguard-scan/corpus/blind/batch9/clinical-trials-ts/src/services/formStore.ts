export class FormStore {
  constructor(private readonly baseUrl: string) {}

  async save(subjectId: string, form: string, payload: Uint8Array, author: string, signal: AbortSignal): Promise<number> {
    const res = await fetch(`${this.baseUrl}/subjects/${encodeURIComponent(subjectId)}/forms/${encodeURIComponent(form)}`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-author": author },
      body: payload,
      signal,
    });
    if (!res.ok) throw new Error(`form store ${res.status}`);
    const { revision } = (await res.json()) as { revision: number };
    return revision;
  }
}
