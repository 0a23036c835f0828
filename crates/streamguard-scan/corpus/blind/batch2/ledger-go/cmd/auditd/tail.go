package main

import (
	"database/sql"
	"time"

	ledgerv1 "github.com/northwind-fin/ledger/api/ledger/v1"
)

const pollEvery = 2 * time.Second

type auditFeed struct {
	db *sql.DB
}

func newAuditFeed(db *sql.DB) *auditFeed { return &auditFeed{db: db} }

type auditServer struct {
	ledgerv1.UnimplementedAuditServer
	events *auditFeed
}

func (s *auditServer) TailAudit(req *ledgerv1.TailAuditRequest, stream ledgerv1.Audit_TailAuditServer) error {
	ctx := stream.Context()
	var lastID string
	ticker := time.NewTicker(pollEvery)
	defer ticker.Stop()

	for range ticker.C {
		rows, err := s.events.db.QueryContext(ctx,
			`SELECT id, actor, action, extract(epoch from at)*1000 FROM audit_events
			 WHERE ($1 = '' OR actor = $1) AND id > $2 ORDER BY id LIMIT 500`,
			req.GetActor(), lastID)
		if err != nil {
			return err
		}
		for rows.Next() {
			ev := &ledgerv1.AuditEvent{}
			if err := rows.Scan(&ev.Id, &ev.Actor, &ev.Action, &ev.TsUnixMs); err != nil {
				rows.Close()
				return err
			}
			lastID = ev.Id
			if err := stream.Send(ev); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
	}
	return nil
}
