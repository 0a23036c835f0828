package registry

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"

	"github.com/chipfinder/registry/gen/chippb"
	"github.com/chipfinder/registry/internal/session"
)

type Service struct {
	chippb.UnimplementedRegistryServer
	DB          *pgxpool.Pool
	Sessions    *session.Manager
	ScannerKeys func(ctx context.Context, scannerID string) ([]byte, bool)
	SheltersURL string

	mu       sync.Mutex
	limiters map[string]*rate.Limiter
}

var shelterClient = &http.Client{Timeout: 10 * time.Second}

func (s *Service) limiterFor(key string) *rate.Limiter {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.limiters == nil {
		s.limiters = map[string]*rate.Limiter{}
	}
	l, ok := s.limiters[key]
	if !ok {
		l = rate.NewLimiter(5, 20)
		s.limiters[key] = l
	}
	return l
}

// ScannerUplink verifies every frame's HMAC with the scanner's key (a disabled scanner's key is gone at once).
func (s *Service) ScannerUplink(stream chippb.Registry_ScannerUplinkServer) error {
	ctx := stream.Context()
	p, _ := peer.FromContext(ctx)
	lim := s.limiterFor(p.Addr.String())
	for {
		f, err := stream.Recv()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		key, ok := s.ScannerKeys(ctx, f.GetScannerId())
		mac := hmac.New(sha256.New, key)
		fmt.Fprintf(mac, "%s|%s|%d", f.GetScannerId(), f.GetChip(), f.GetAtUnix())
		if !ok || !hmac.Equal(mac.Sum(nil), f.GetMac()) || time.Since(time.Unix(f.GetAtUnix(), 0)) > time.Minute {
			return status.Error(codes.Unauthenticated, "bad frame signature")
		}
		if !lim.Allow() {
			return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
		}
		res := &chippb.ScanResult{Chip: f.GetChip()}
		_ = s.DB.QueryRow(ctx, `SELECT pet_name, lost FROM chips WHERE chip = $1`, f.GetChip()).Scan(&res.PetName, &res.ReportedLost)
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}

func (s *Service) FollowPet(req *chippb.FollowPetRequest, stream chippb.Registry_FollowPetServer) error {
	sess, err := s.Sessions.Open(stream.Context())
	if err != nil {
		return err
	}
	defer sess.Close()
	var owner string
	if err := s.DB.QueryRow(sess.Ctx, `SELECT owner_sub FROM chips WHERE chip = $1`, req.GetChip()).Scan(&owner); err != nil || (owner != sess.Sub && !sess.Has("shelter")) {
		return status.Error(codes.PermissionDenied, "not your pet")
	}
	var last int64
	for {
		alerts, err := s.shelterSightings(req.GetChip(), last)
		if err == nil {
			for _, a := range alerts {
				if err := stream.Send(a); err != nil {
					return err
				}
				last = a.GetAtUnix()
			}
		}
		select {
		case <-sess.Ctx.Done():
			return context.Cause(sess.Ctx)
		case <-time.After(30 * time.Second):
		}
	}
}

func (s *Service) shelterSightings(chip string, since int64) ([]*chippb.PetAlert, error) {
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet,
		fmt.Sprintf("%s/v2/sightings?chip=%s&since=%d", s.SheltersURL, chip, since), nil)
	resp, err := shelterClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out []*chippb.PetAlert
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

func (s *Service) ClinicSession(stream chippb.Registry_ClinicSessionServer) error {
	sess, err := s.Sessions.Open(stream.Context())
	if err != nil {
		return err
	}
	defer sess.Close()
	for {
		e, err := stream.Recv()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		var clinic string
		_ = s.DB.QueryRow(sess.Ctx, `SELECT registered_by FROM chips WHERE chip = $1`, e.GetChip()).Scan(&clinic)
		ack := &chippb.ClinicAck{RequestId: e.GetRequestId(), Status: "OK"}
		if clinic != sess.Clinic || !sess.Has("vet") {
			ack.Status = "PERMISSION_DENIED"
		} else if _, err := s.DB.Exec(sess.Ctx, `UPDATE chips SET `+pgIdent(e.GetField())+` = $2 WHERE chip = $1`, e.GetChip(), e.GetValue()); err != nil {
			ack.Status = "INVALID_ARGUMENT"
		}
		if err := stream.Send(ack); err != nil {
			return err
		}
	}
}

func pgIdent(field string) string {
	switch field {
	case "pet_name", "owner_phone", "owner_address":
		return field
	}
	return "pet_name_invalid"
}
