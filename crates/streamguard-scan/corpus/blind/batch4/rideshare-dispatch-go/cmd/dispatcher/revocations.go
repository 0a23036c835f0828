package main

import (
	"bufio"
	"log/slog"
	"net"
	"os"
	"strings"
	"time"

	"github.com/ridely/dispatch/internal/revocation"
)

// consumeRevocations reads "REVOKE <jti>" lines pushed by the auth service's event relay
// (a plain TCP feed on the internal network) and forwards them to the hub.
func consumeRevocations(hub *revocation.Hub, log *slog.Logger) {
	addr := os.Getenv("REVOCATION_FEED_ADDR")
	if addr == "" {
		log.Warn("REVOCATION_FEED_ADDR unset: revocations will not reach open streams")
		return
	}
	for {
		conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			log.Warn("revocation feed", "err", err)
			time.Sleep(2 * time.Second)
			continue
		}
		sc := bufio.NewScanner(conn)
		for sc.Scan() {
			if jti, ok := strings.CutPrefix(sc.Text(), "REVOKE "); ok && len(jti) < 128 {
				hub.Revoke(jti)
			}
		}
		conn.Close()
	}
}
