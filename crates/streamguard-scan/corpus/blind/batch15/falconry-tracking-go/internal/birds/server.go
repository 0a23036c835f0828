package birds

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"

	"github.com/hawkandhood/mews/internal/session"
	"github.com/hawkandhood/mews/internal/tags"
	"github.com/hawkandhood/mews/internal/weather"
	"github.com/hawkandhood/mews/pb"
)

type Server struct {
	pb.UnimplementedMewsServer
	DB       *pgxpool.Pool
	Sessions *session.Manager
	Tags     *tags.Verifier
	Weather  *weather.Client
	Fixes    *Hub

	limMu    sync.Mutex
	limiters map[string]*rate.Limiter
}

func (s *Server) limiterFor(key string) *rate.Limiter {
	s.limMu.Lock()
	defer s.limMu.Unlock()
	if s.limiters == nil {
		s.limiters = map[string]*rate.Limiter{}
	}
	l, ok := s.limiters[key]
	if !ok {
		l = rate.NewLimiter(rate.Limit(20), 40)
		s.limiters[key] = l
	}
	return l
}

func (s *Server) TagUplink(stream pb.Mews_TagUplinkServer) error {
	ctx := stream.Context()
	key := "unknown"
	if p, ok := peer.FromContext(ctx); ok {
		if host, port, err := net.SplitHostPort(p.Addr.String()); err == nil {
			key = host + ":" + port
		}
	}
	lim := s.limiterFor(key)
	var accepted, rejected uint64
	for {
		f, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&pb.UplinkSummary{Accepted: accepted, Rejected: rejected})
		}
		if err != nil {
			return err
		}
		if !lim.Allow() {
			return status.Error(codes.ResourceExhausted, "too many frames")
		}
		if err := s.Tags.Verify(f.GetTagId(), f.GetToken()); err != nil {
			rejected++
			if errors.Is(err, tags.ErrDecommissioned) {
				return status.Error(codes.PermissionDenied, err.Error())
			}
			continue
		}
		if _, err := s.DB.Exec(ctx,
			`INSERT INTO fixes (tag_id, lat, lon, alt_m, speed_mps, at) VALUES ($1,$2,$3,$4,$5,to_timestamp($6/1000.0))`,
			f.GetTagId(), f.GetLat(), f.GetLon(), f.GetAltM(), f.GetSpeedMps(), f.GetUnixMs()); err != nil {
			return status.Errorf(codes.Unavailable, "store fix: %v", err)
		}
		s.Fixes.Publish(f)
		accepted++
	}
}

func (s *Server) FollowBird(req *pb.FollowBirdRequest, stream pb.Mews_FollowBirdServer) error {
	sess, err := s.Sessions.Open(stream.Context())
	if err != nil {
		return err
	}
	defer sess.Close()
	if !sess.Claims.Owns(req.GetBirdId()) {
		return status.Error(codes.PermissionDenied, "not your bird")
	}

	fixes, unsubscribe := s.Fixes.Subscribe(req.GetBirdId())
	defer unsubscribe()

	// Wind at the bird's position, refreshed every 30 s for the falconer's display.
	var wind atomic.Value
	wind.Store(0.0)
	var last atomic.Pointer[pb.TagFrame]
	go func() {
		for {
			if f := last.Load(); f != nil {
				if w, err := s.Weather.WindAt(f.GetLat(), f.GetLon()); err == nil {
					wind.Store(w)
				}
			}
			time.Sleep(30 * time.Second)
		}
	}()

	for {
		select {
		case <-sess.Ctx.Done():
			if errors.Is(context.Cause(sess.Ctx), session.ErrRevoked) {
				return status.Error(codes.PermissionDenied, "token_revoked")
			}
			return status.Error(codes.Unavailable, "session ended")
		case f := <-fixes:
			last.Store(f)
			if err := stream.Send(&pb.BirdFix{
				BirdId: req.GetBirdId(), Lat: f.GetLat(), Lon: f.GetLon(), AltM: f.GetAltM(),
				SpeedMps: f.GetSpeedMps(), WindMps: wind.Load().(float64), UnixMs: f.GetUnixMs(),
			}); err != nil {
				return err
			}
		}
	}
}

func (s *Server) FlightLog(req *pb.FlightLogRequest, stream pb.Mews_FlightLogServer) error {
	sess, err := s.Sessions.Open(stream.Context())
	if err != nil {
		return err
	}
	defer sess.Close()
	if !sess.Claims.Owns(req.GetBirdId()) {
		return status.Error(codes.PermissionDenied, "not your bird")
	}
	rows, err := s.DB.Query(sess.Ctx,
		`SELECT f.lat, f.lon, f.alt_m, f.speed_mps, (extract(epoch from f.at)*1000)::bigint
		   FROM fixes f JOIN birds b ON b.tag_id = f.tag_id
		  WHERE b.bird_id = $1 AND f.at::date = $2::date ORDER BY f.at`, req.GetBirdId(), req.GetDay())
	if err != nil {
		return status.Errorf(codes.Unavailable, "flight log: %v", err)
	}
	defer rows.Close()
	for rows.Next() {
		fx := &pb.BirdFix{BirdId: req.GetBirdId()}
		if err := rows.Scan(&fx.Lat, &fx.Lon, &fx.AltM, &fx.SpeedMps, &fx.UnixMs); err != nil {
			return err
		}
		if err := stream.Send(fx); err != nil {
			return err
		}
	}
	return rows.Err()
}
