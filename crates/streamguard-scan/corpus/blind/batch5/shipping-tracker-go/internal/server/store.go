package server

import (
	"context"
	"database/sql"
	"sync"

	"golang.org/x/time/rate"

	pb "github.com/parcelnet/tracker/gen/trackingv1"
)

type ParcelStore interface {
	Get(ctx context.Context, id string) (*pb.Parcel, error)
}

type SQLParcels struct{ DB *sql.DB }

func (s SQLParcels) Get(ctx context.Context, id string) (*pb.Parcel, error) {
	p := &pb.Parcel{ParcelId: id}
	err := s.DB.QueryRowContext(ctx, `SELECT carrier, carrier_ref, status FROM parcels WHERE id = $1`, id).
		Scan(&p.Carrier, &p.CarrierRef, &p.Status)
	return p, err
}

// limiterSet holds one limiter per scanner identity for the whole process.
type limiterSet struct {
	mu    sync.Mutex
	r     rate.Limit
	burst int
	m     map[string]*rate.Limiter
}

func newLimiterSet(r rate.Limit, burst int) *limiterSet {
	return &limiterSet{r: r, burst: burst, m: map[string]*rate.Limiter{}}
}

func (s *limiterSet) get(subject string) *rate.Limiter {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.m[subject]
	if !ok {
		l = rate.NewLimiter(s.r, s.burst)
		s.m[subject] = l
	}
	return l
}
