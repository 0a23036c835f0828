import * as grpc from "@grpc/grpc-js";
import type {
  DataCaptureServer, FormReceipt, FormSubmission, GetSubjectRequest, Subject, WatchQueriesRequest,
  DataQuery, ExportVisitsRequest, Visit, ScanChunk, ScanReceipt,
} from "../generated/edc/v1/edc";
import type { Config } from "../infra/config";
import type { IdentityLimiter } from "../infra/limiter";
import { SiteSession } from "../session/siteSession";
import type { RevocationFeed } from "../session/revocations";
import type { SubjectDirectory } from "./subjects";
import type { FormStore } from "./formStore";
import type { QueryBus } from "./queryBus";
import type { VisitsClient } from "./visits";
import type { ScanStore } from "./scans";

const MAX_SCAN_BYTES = 50 * 1024 * 1024;

export class DataCaptureService implements DataCaptureServer {
  [name: string]: grpc.UntypedHandleCall;

  constructor(
    private readonly cfg: Config,
    private readonly feed: RevocationFeed,
    private readonly limiter: IdentityLimiter,
    private readonly subjects: SubjectDirectory,
    private readonly forms: FormStore,
    private readonly queries: QueryBus,
    private readonly visits: VisitsClient,
    private readonly scans: ScanStore,
  ) {}

  getSubject: grpc.handleUnaryCall<GetSubjectRequest, Subject> = async (call, callback) => {
    const row = await this.subjects.findQuick(call.request.subjectId).catch(() => null);
    if (!row) return callback({ code: grpc.status.NOT_FOUND, details: "no such subject" });
    callback(null, row);
  };

  captureForms: grpc.handleBidiStreamingCall<FormSubmission, FormReceipt> = (call) => {
    const session = new SiteSession(call, this.cfg, this.feed, this.limiter);
    if (!session.active) return;
    call.on("data", async (msg: FormSubmission) => {
      session.touch();
      if (!(await session.admit())) return;
      const deny = (status: string, error: string) =>
        call.write({ submissionId: msg.submissionId, ok: false, errorStatus: status, error, revision: 0 });
      if (!session.hasScope("crf:write")) return deny("PERMISSION_DENIED", "insufficient_scope");
      const subject = await this.subjects.find(msg.subjectId, session.signal()).catch(() => null);
      if (!subject) return deny("NOT_FOUND", "unknown subject");
      if (!session.coversSite(subject.siteId)) return deny("PERMISSION_DENIED", "resource_not_owned");
      try {
        const revision = await this.forms.save(msg.subjectId, msg.form, msg.payloadJson, session.claims.sub, session.signal());
        call.write({ submissionId: msg.submissionId, ok: true, errorStatus: "", error: "", revision });
      } catch (err) {
        if (session.active) deny("UNAVAILABLE", (err as Error).message);
      }
    });
    call.on("end", () => {
      session.dispose();
      call.end();
    });
  };

  watchQueries: grpc.handleServerStreamingCall<WatchQueriesRequest, DataQuery> = (call) => {
    const session = new SiteSession(call, this.cfg, this.feed, this.limiter);
    if (!session.active) return;
    const sites = call.request.siteIds.filter((s) => session.coversSite(s));
    if (sites.length === 0) return session.end(grpc.status.PERMISSION_DENIED, "no covered sites");
    const unsubscribe = this.queries.subscribe(sites, (q) => {
      session.touch();
      call.write(q);
    });
    session.abort.signal.addEventListener("abort", unsubscribe, { once: true });
  };

  exportVisits: grpc.handleServerStreamingCall<ExportVisitsRequest, Visit> = (call) => {
    const session = new SiteSession(call, this.cfg, this.feed, this.limiter);
    if (!session.active) return;
    if (!session.coversSite(call.request.siteId)) return session.end(grpc.status.PERMISSION_DENIED, "resource_not_owned");
    const upstream = this.visits.list(call.request, session.callOptions());
    upstream.on("data", (v: Visit) => call.write(v));
    upstream.on("error", (err: grpc.ServiceError) => session.end(err.code ?? grpc.status.UNAVAILABLE, err.details ?? "visits error"));
    upstream.on("end", () => {
      session.dispose();
      call.end();
    });
  };

  uploadScan: grpc.handleClientStreamingCall<ScanChunk, ScanReceipt> = (call, callback) => {
    const session = new SiteSession(call, this.cfg, this.feed, this.limiter);
    if (!session.active) return;
    const parts: Buffer[] = [];
    let size = 0;
    let target: { subjectId: string; visit: string } | undefined;
    call.on("data", (chunk: ScanChunk) => {
      session.touch();
      if (!target) target = { subjectId: chunk.subjectId, visit: chunk.visit };
      size += chunk.data.length;
      if (size > MAX_SCAN_BYTES) return session.end(grpc.status.RESOURCE_EXHAUSTED, "scan too large");
      parts.push(Buffer.from(chunk.data));
    });
    call.on("end", async () => {
      try {
        if (!target) throw Object.assign(new Error("empty upload"), { code: grpc.status.INVALID_ARGUMENT });
        const subject = await this.subjects.find(target.subjectId, session.signal());
        if (!subject || !session.coversSite(subject.siteId)) throw Object.assign(new Error("resource_not_owned"), { code: grpc.status.PERMISSION_DENIED });
        const key = await this.scans.put(target, Buffer.concat(parts), session.signal());
        callback(null, { objectKey: key, bytes: size });
      } catch (err) {
        callback({ code: (err as { code?: number }).code ?? grpc.status.UNAVAILABLE, details: (err as Error).message });
      } finally {
        session.dispose();
      }
    });
  };
}
