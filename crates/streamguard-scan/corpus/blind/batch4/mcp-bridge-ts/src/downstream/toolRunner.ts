export interface ToolResult {
  text: string;
  isError: boolean;
}

export class ToolRunner {
  constructor(private readonly baseUrl: string) {}

  async run(tool: string, args: unknown, signal: AbortSignal): Promise<ToolResult> {
    const res = await fetch(`${this.baseUrl}/tools/${encodeURIComponent(tool)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args ?? {}),
      signal,
    });
    const text = await res.text();
    return { text, isError: !res.ok };
  }

  async *runWithProgress(tool: string, args: unknown, signal: AbortSignal): AsyncGenerator<{ progress?: number; result?: ToolResult }> {
    const res = await fetch(`${this.baseUrl}/tools/${encodeURIComponent(tool)}?stream=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args ?? {}),
      signal,
    });
    if (!res.body) {
      yield { result: { text: 'tool runner returned no body', isError: true } };
      return;
    }
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      for (const line of decoder.decode(chunk).split('\n').filter(Boolean)) {
        yield JSON.parse(line);
      }
    }
  }
}
