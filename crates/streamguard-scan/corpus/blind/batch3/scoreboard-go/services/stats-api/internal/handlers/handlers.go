package handlers

import (
	"context"
	"errors"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/playbook/stats-api/api/statspb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type Stats struct {
	statspb.UnimplementedStatsServer
	DB *pgxpool.Pool
}

func (s *Stats) GetPlayer(ctx context.Context, req *statspb.GetPlayerRequest) (*statspb.Player, error) {
	var p statspb.Player
	err := s.DB.QueryRow(ctx,
		`SELECT id, name, team, goals FROM players WHERE id = $1`, req.GetPlayerId(),
	).Scan(&p.PlayerId, &p.Name, &p.Team, &p.Goals)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, status.Error(codes.NotFound, "no such player")
	}
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &p, nil
}

func (s *Stats) GetTeamForm(ctx context.Context, req *statspb.GetTeamFormRequest) (*statspb.TeamForm, error) {
	last := req.GetLast()
	if last <= 0 || last > 20 {
		last = 5
	}
	rows, err := s.DB.Query(ctx,
		`SELECT result FROM results WHERE team = $1 ORDER BY played_at DESC LIMIT $2`, req.GetTeam(), last)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			return nil, status.Error(codes.Internal, err.Error())
		}
		b.WriteString(r)
	}
	return &statspb.TeamForm{Team: req.GetTeam(), Form: b.String()}, rows.Err()
}
