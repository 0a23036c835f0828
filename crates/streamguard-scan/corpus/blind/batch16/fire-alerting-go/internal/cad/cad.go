// Package cad reads incidents from the computer-aided dispatch database.
package cad

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	alertingv1 "github.com/metrofire/alerting/gen/alertingv1"
)

type Store struct{ Pool *pgxpool.Pool }

func (s *Store) OpenIncidents(ctx context.Context, station string, since int64) ([]*alertingv1.Incident, error) {
	rows, err := s.Pool.Query(ctx, `SELECT incident_id, kind, address, appliances, extract(epoch from dispatched_at)::bigint
		FROM assignments WHERE station_id = $1 AND extract(epoch from dispatched_at) > $2 ORDER BY dispatched_at`, station, since)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*alertingv1.Incident
	for rows.Next() {
		inc := &alertingv1.Incident{StationId: station}
		if err := rows.Scan(&inc.IncidentId, &inc.Kind, &inc.Address, &inc.Appliances, &inc.DispatchedUnix); err != nil {
			return nil, err
		}
		out = append(out, inc)
	}
	return out, rows.Err()
}

func (s *Store) SetApplianceStatus(ctx context.Context, incident, appliance, st string) error {
	_, err := s.Pool.Exec(ctx, `UPDATE appliance_status SET status = $3, at = now() WHERE incident_id = $1 AND appliance = $2`,
		incident, appliance, st)
	return err
}

func (s *Store) SaveReport(ctx context.Context, incident string, sections map[string]string) (string, error) {
	var id string
	err := s.Pool.QueryRow(ctx, `INSERT INTO run_reports (incident_id, sections) VALUES ($1, $2) RETURNING report_id`,
		incident, sections).Scan(&id)
	return id, err
}
