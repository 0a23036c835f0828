package purge

import (
	"errors"
	"io"
	"slices"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"git.fastlane-cdn.net/platform/edgecfg/internal/config"
	"git.fastlane-cdn.net/platform/edgecfg/internal/guard"
	pb "git.fastlane-cdn.net/platform/edgecfg/internal/pb/edgecfgv1"
)

type Server struct {
	pb.UnimplementedEdgeConfigServer
	cfg     *config.Store
	fanout  *Fanout
	limiter *redis_rate.Limiter
	db      *pgxpool.Pool
}

func NewServer(cfg *config.Store, f *Fanout, lim *redis_rate.Limiter, db *pgxpool.Pool) *Server {
	return &Server{cfg: cfg, fanout: f, limiter: lim, db: db}
}

func (s *Server) WatchConfig(req *pb.WatchConfigRequest, stream pb.EdgeConfig_WatchConfigServer) error {
	ctx := stream.Context()
	claims := guard.ClaimsFrom(ctx)
	if claims == nil || claims.POP != req.GetPop() || !claims.HasScope("edge:config") {
		return status.Error(codes.PermissionDenied, "token is not for this POP")
	}
	version := req.GetHaveVersion()
	for {
		changed := s.cfg.Changed(req.GetPop())
		updates, err := s.cfg.Since(ctx, req.GetPop(), version)
		if err != nil {
			return status.FromContextError(err).Err()
		}
		for _, u := range updates {
			if err := stream.Send(&pb.ConfigUpdate{Version: u.Version, Kind: u.Kind, Payload: u.Payload}); err != nil {
				return err
			}
			version = u.Version
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-changed:
		}
	}
}

func canPurge(c *guard.Claims, zone string) bool {
	return c.HasScope("purge") && slices.Contains(c.Zones, zone)
}

func (s *Server) PurgeStream(stream pb.EdgeConfig_PurgeStreamServer) error {
	ctx := stream.Context()
	claims := guard.ClaimsFrom(ctx)
	for {
		req, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !canPurge(claims, req.GetZone()) {
			if err := stream.Send(&pb.PurgeResult{RequestId: req.GetRequestId(), Status: "PERMISSION_DENIED", Message: "zone not in token"}); err != nil {
				return err
			}
			continue
		}
		res, err := s.limiter.Allow(ctx, "purge:"+claims.Account, redis_rate.PerMinute(120))
		if err != nil {
			return status.Errorf(codes.Unavailable, "limiter: %v", err)
		}
		if res.Allowed == 0 {
			return status.Errorf(codes.ResourceExhausted, "rate_limit_exceeded; retry in %s", res.RetryAfter.Round(time.Second))
		}
		nodes, err := s.fanout.Purge(ctx, req.GetZone(), req.GetUrls(), req.GetTags())
		out := &pb.PurgeResult{RequestId: req.GetRequestId(), Status: "OK", Nodes: uint32(nodes)}
		if err != nil {
			out.Status, out.Message = "PARTIAL", err.Error()
		}
		if _, err := s.db.Exec(ctx, `INSERT INTO purges (zone, account, objects) VALUES ($1, $2, $3)`, req.GetZone(), claims.Account, len(req.GetUrls())+len(req.GetTags())); err != nil {
			out.Message = "not recorded: " + err.Error()
		}
		if err := stream.Send(out); err != nil {
			return err
		}
	}
}

func (s *Server) ListPurges(req *pb.ListPurgesRequest, stream pb.EdgeConfig_ListPurgesServer) error {
	ctx := stream.Context()
	claims := guard.ClaimsFrom(ctx)
	if !slices.Contains(claims.Zones, req.GetZone()) {
		return status.Error(codes.PermissionDenied, "zone not in token")
	}
	limit := min(max(req.GetLimit(), 1), 1000)
	rows, err := s.db.Query(ctx, `SELECT id, zone, extract(epoch FROM at)*1000, objects, account FROM purges WHERE zone = $1 ORDER BY at DESC LIMIT $2`, req.GetZone(), limit)
	if err != nil {
		return status.FromContextError(err).Err()
	}
	defer rows.Close()
	for rows.Next() {
		var r pb.PurgeRecord
		var ms float64
		if err := rows.Scan(&r.PurgeId, &r.Zone, &ms, &r.Objects, &r.By); err != nil {
			return err
		}
		r.UnixMs = int64(ms)
		if err := stream.Send(&r); err != nil {
			return err
		}
	}
	return rows.Err()
}
