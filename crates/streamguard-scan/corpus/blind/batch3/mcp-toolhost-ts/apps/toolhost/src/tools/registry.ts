import { Deadline } from '@grpc/grpc-js';
import { RunOptions, SearchClient, searchDocs } from './search';

export interface ToolResult {
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

export type ProgressFn = (progress: number, total: number, message: string) => void;

function remainingSignal(signal: AbortSignal, deadline: Deadline): AbortSignal {
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  if (!Number.isFinite(at)) return signal;
  return AbortSignal.any([signal, AbortSignal.timeout(Math.max(0, at - Date.now()))]);
}

export class ToolRegistry {
  constructor(private readonly search: SearchClient) {}

  names(): string[] {
    return ['search_docs', 'fetch_url', 'summarize'];
  }

  async run(name: string, args: Record<string, any>, opts: RunOptions, onProgress?: ProgressFn): Promise<ToolResult> {
    switch (name) {
      case 'search_docs': {
        onProgress?.(0, 1, 'searching');
        const hits = await searchDocs(this.search, String(args.query ?? ''), Number(args.top_k ?? 5), opts);
        onProgress?.(1, 1, `${hits.length} hits`);
        return {
          content: hits.map((h) => ({ type: 'text', text: `${h.title} (${h.score.toFixed(2)})\n${h.snippet}` })),
          structuredContent: { hits },
        };
      }
      case 'fetch_url': {
        const res = await fetch(String(args.url), { signal: remainingSignal(opts.signal, opts.deadline) });
        const text = await res.text();
        return { content: [{ type: 'text', text: text.slice(0, 64_000) }], isError: !res.ok };
      }
      case 'summarize': {
        const text = String(args.text ?? '');
        const sentences = text.split(/(?<=[.!?])\s+/).slice(0, Number(args.sentences ?? 3));
        return { content: [{ type: 'text', text: sentences.join(' ') }] };
      }
      default:
        return { content: [{ type: 'text', text: `unknown tool ${name}` }], isError: true };
    }
  }
}
