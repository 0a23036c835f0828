package ci

import (
	"errors"
	"io"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/time/rate"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	civ1 "forgeline.dev/review/gen/civ1"
)

const maxLogBytes = 256 << 20

type Server struct {
	civ1.UnimplementedCiBridgeServer
	DB    *pgxpool.Pool
	Queue *Queue
}

// StreamCheckRuns hands queued check runs to the runner as they match its
// labels. Runners stay connected for as long as the agent runs.
func (s *Server) StreamCheckRuns(f *civ1.CheckRunFilter, stream grpc.ServerStreamingServer[civ1.CheckRun]) error {
	ctx := stream.Context()
	runner := RunnerFrom(ctx)
	for {
		run, err := s.Queue.Claim(ctx, runner.ID, f.GetLabels())
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return status.Errorf(codes.Unavailable, "queue: %v", err)
		}
		if err := stream.Send(run); err != nil {
			s.Queue.Release(run.GetId())
			return err
		}
	}
}

// UploadLogs appends a check run's log. Chunks are limited to 200/s so one
// chatty build cannot saturate the log store.
func (s *Server) UploadLogs(stream grpc.ClientStreamingServer[civ1.LogChunk, civ1.LogSummary]) error {
	ctx := stream.Context()
	limiter := rate.NewLimiter(rate.Limit(200), 400)
	var total, chunks uint64
	for {
		c, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&civ1.LogSummary{Bytes: total, Chunks: chunks})
		}
		if err != nil {
			return err
		}
		if err := limiter.Wait(ctx); err != nil {
			return status.FromContextError(err).Err()
		}
		total += uint64(len(c.GetData()))
		if total > maxLogBytes {
			return status.Error(codes.ResourceExhausted, "log larger than 256 MiB; truncate it")
		}
		chunks++
		if _, err := s.DB.Exec(ctx, `INSERT INTO log_chunks (check_run_id, seq, data) VALUES ($1, $2, $3)`, c.GetCheckRunId(), c.GetSeq(), c.GetData()); err != nil {
			return status.Errorf(codes.Unavailable, "log store: %v", err)
		}
	}
}

// Queue is the check-run queue in Postgres (SKIP LOCKED).
type Queue struct{ DB *pgxpool.Pool }

func (q *Queue) Claim(ctxDone interface {
	Done() <-chan struct{}
	Err() error
}, runnerID string, labels []string) (*civ1.CheckRun, error) {
	for {
		select {
		case <-ctxDone.Done():
			return nil, ctxDone.Err()
		case <-time.After(time.Second):
		}
		// Claim query elided: UPDATE ... WHERE id = (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING ...
		_ = runnerID
		_ = labels
	}
}

func (q *Queue) Release(id string) {}
