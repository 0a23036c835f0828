package zones

import (
	"context"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"

	zonesv1 "git.hostmesh.net/dns/zones/gen/zonesv1"
)

type Store struct {
	DB *pgxpool.Pool

	mu      sync.Mutex
	waiters map[string][]chan struct{}
}

func (s *Store) Serial(ctx context.Context, zone string) (uint32, error) {
	var serial uint32
	err := s.DB.QueryRow(ctx, `SELECT serial FROM zones WHERE apex = $1`, zone).Scan(&serial)
	return serial, err
}

func (s *Store) DeltasSince(ctx context.Context, zone string, serial uint32) ([]*zonesv1.ZoneDelta, error) {
	rows, err := s.DB.Query(ctx, `SELECT serial, removed, added FROM zone_deltas WHERE apex = $1 AND serial > $2 ORDER BY serial LIMIT 100`, zone, serial)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*zonesv1.ZoneDelta
	for rows.Next() {
		d := &zonesv1.ZoneDelta{Zone: zone}
		var removed, added []*zonesv1.ResourceRecord
		if err := rows.Scan(&d.Serial, &removed, &added); err != nil {
			return nil, err
		}
		d.Removed, d.Added = removed, added
		out = append(out, d)
	}
	return out, rows.Err()
}

// Changed returns a channel closed on the next commit to the zone.
func (s *Store) Changed(zone string) <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.waiters == nil {
		s.waiters = map[string][]chan struct{}{}
	}
	ch := make(chan struct{})
	s.waiters[zone] = append(s.waiters[zone], ch)
	return ch
}

func (s *Store) notify(zone string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ch := range s.waiters[zone] {
		close(ch)
	}
	delete(s.waiters, zone)
}

func (s *Store) Commit(ctx context.Context, cs *zonesv1.ChangeSet, rrsigs map[string][]string) (uint32, error) {
	var serial uint32
	err := s.DB.QueryRow(ctx, `SELECT apply_change_set($1, $2, $3, $4)`, cs.GetZone(), cs.GetUpsert(), cs.GetDelete(), rrsigs).Scan(&serial)
	if err == nil {
		s.notify(cs.GetZone())
	}
	return serial, err
}

func (s *Store) Records(ctx context.Context, zone string, fn func(*zonesv1.ResourceRecord) error) error {
	rows, err := s.DB.Query(ctx, `SELECT name, type, ttl, rdata FROM records WHERE apex = $1 ORDER BY name, type`, zone)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		rr := &zonesv1.ResourceRecord{}
		if err := rows.Scan(&rr.Name, &rr.Type, &rr.Ttl, &rr.Rdata); err != nil {
			return err
		}
		if err := fn(rr); err != nil {
			return err
		}
	}
	return rows.Err()
}
