// Package session validates game session tickets issued by the account service.
package session

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// Ticket format: player.expiryUnix.rooms(comma separated).hexHMAC
type Ticket struct {
	Player string
	Expiry time.Time
	Rooms  []string
	Raw    string
}

func (t Ticket) MayEnter(room string) bool {
	for _, r := range t.Rooms {
		if r == room || r == "*" {
			return true
		}
	}
	return false
}

var errBadTicket = errors.New("malformed ticket")

func Parse(secret []byte, raw string) (Ticket, error) {
	parts := strings.Split(raw, ".")
	if len(parts) != 4 {
		return Ticket{}, errBadTicket
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(strings.Join(parts[:3], ".")))
	if !hmac.Equal([]byte(hex.EncodeToString(mac.Sum(nil))), []byte(parts[3])) {
		return Ticket{}, errors.New("bad ticket signature")
	}
	exp, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return Ticket{}, errBadTicket
	}
	t := Ticket{Player: parts[0], Expiry: time.Unix(exp, 0), Rooms: strings.Split(parts[2], ","), Raw: raw}
	if time.Now().After(t.Expiry) {
		return Ticket{}, errors.New("ticket expired")
	}
	return t, nil
}

type ticketKey struct{}

func FromContext(ctx context.Context) (Ticket, bool) {
	t, ok := ctx.Value(ticketKey{}).(Ticket)
	return t, ok
}

type ctxStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s ctxStream) Context() context.Context { return s.ctx }

// StreamInterceptor checks the x-session-ticket header once, at stream open.
func StreamInterceptor(secret []byte) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		md, _ := metadata.FromIncomingContext(ss.Context())
		raw := md.Get("x-session-ticket")
		if len(raw) == 0 {
			return status.Error(codes.Unauthenticated, "x-session-ticket required")
		}
		t, err := Parse(secret, raw[0])
		if err != nil {
			return status.Errorf(codes.Unauthenticated, "ticket rejected: %v", err)
		}
		return handler(srv, ctxStream{ServerStream: ss, ctx: context.WithValue(ss.Context(), ticketKey{}, t)})
	}
}
