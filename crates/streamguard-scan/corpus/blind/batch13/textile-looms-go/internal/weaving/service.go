package weaving

import (
	"bytes"
	"context"
	"errors"
	"io"
	"sync"
	"time"

	"github.com/minio/minio-go/v7"
	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"

	"weavecorp.io/looms/gen/loomspb"
	"weavecorp.io/looms/internal/session"
)

const (
	maxPattern     = 32 << 20
	shedRefresh    = 3 * time.Second
	recheckEvery   = 60 * time.Second
	maxShedStream  = 45 * time.Minute
)

type Service struct {
	loomspb.UnimplementedWeavingServer
	Sessions *session.Manager
	MES      *MESClient
	Store    *minio.Client
	Bucket   string

	mu       sync.Mutex
	limiters map[string]*rate.Limiter
}

func (s *Service) limiterFor(key string) *rate.Limiter {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.limiters == nil {
		s.limiters = map[string]*rate.Limiter{}
	}
	l, ok := s.limiters[key]
	if !ok {
		l = rate.NewLimiter(rate.Limit(5), 20)
		s.limiters[key] = l
	}
	return l
}

func (s *Service) LoomLink(stream loomspb.Weaving_LoomLinkServer) error {
	ctx := stream.Context()
	p, _ := peer.FromContext(ctx)
	lim := s.limiterFor(p.Addr.String())
	for {
		f, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := s.Sessions.VerifyLoomFrame(f.LoomId, f.Token, time.Now()); err != nil {
			return status.Error(codes.Unauthenticated, err.Error())
		}
		if !lim.Allow() {
			return status.Error(codes.ResourceExhausted, "loom frames too fast")
		}
		d, err := s.MES.Report(ctx, f)
		if err != nil {
			return status.Errorf(codes.Unavailable, "mes: %v", err)
		}
		if d != nil {
			if err := stream.Send(d); err != nil {
				return err
			}
		}
	}
}

func (s *Service) WatchShed(req *loomspb.WatchShedRequest, stream loomspb.Weaving_WatchShedServer) error {
	ctx := stream.Context()
	sup, err := s.Sessions.OpenSupervisor(ctx)
	if err != nil {
		return status.Error(codes.Unauthenticated, err.Error())
	}
	if !sup.HasShed(req.ShedId) {
		return status.Error(codes.PermissionDenied, "shed not assigned")
	}
	lifetime := time.NewTimer(maxShedStream)
	defer lifetime.Stop()
	recheck := time.NewTicker(recheckEvery)
	defer recheck.Stop()
	refresh := time.NewTicker(shedRefresh)
	defer refresh.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-lifetime.C:
			return status.Error(codes.Unavailable, "max_stream_lifetime")
		case <-recheck.C:
			if !s.Sessions.StillValid(ctx, sup) {
				return status.Error(codes.Unauthenticated, "session no longer valid")
			}
		case <-refresh.C:
			snap, err := s.MES.ShedState(ctx, req.ShedId)
			if err != nil {
				return status.Errorf(codes.Unavailable, "mes: %v", err)
			}
			if err := stream.Send(snap); err != nil {
				return err
			}
		}
	}
}

func (s *Service) PatternUpload(stream loomspb.Weaving_PatternUploadServer) error {
	ctx := stream.Context()
	sup, err := s.Sessions.OpenSupervisor(ctx)
	if err != nil {
		return status.Error(codes.Unauthenticated, err.Error())
	}
	var name string
	var buf bytes.Buffer
	for {
		c, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if name == "" {
			name = c.Name
		}
		if buf.Len()+len(c.Data) > maxPattern {
			return status.Error(codes.InvalidArgument, "pattern too large")
		}
		buf.Write(c.Data)
	}
	_, err = s.Store.PutObject(ctx, s.Bucket, "patterns/"+sup.Subject+"/"+name, &buf, int64(buf.Len()), minio.PutObjectOptions{ContentType: "application/octet-stream"})
	if err != nil {
		return status.FromContextError(err).Err()
	}
	return stream.SendAndClose(&loomspb.PatternAck{Name: name, Size: uint64(buf.Len())})
}

var _ = context.Background
