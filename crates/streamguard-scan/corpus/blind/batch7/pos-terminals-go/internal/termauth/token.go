// Package termauth authenticates tills. Each till is provisioned with a terminal token:
//
//	base64url(terminalID "|" storeID "|" lane "|" expiresUnix) "." base64url(HMAC-SHA256)
//
// signed with the estate key. Tokens are re-issued nightly by the store server.
package termauth

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type Terminal struct {
	ID      string
	StoreID string
	Lane    uint32
	Expires time.Time
}

type ctxKey struct{}

func From(ctx context.Context) (Terminal, bool) {
	t, ok := ctx.Value(ctxKey{}).(Terminal)
	return t, ok
}

type Authenticator struct {
	key []byte
	now func() time.Time
}

func New(key []byte) *Authenticator { return &Authenticator{key: key, now: time.Now} }

var errMalformed = errors.New("malformed terminal token")

func (a *Authenticator) Parse(token string) (Terminal, error) {
	body, sig, ok := strings.Cut(token, ".")
	if !ok {
		return Terminal{}, errMalformed
	}
	raw, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil {
		return Terminal{}, errMalformed
	}
	mac := hmac.New(sha256.New, a.key)
	mac.Write(raw)
	want := mac.Sum(nil)
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || !hmac.Equal(want, got) {
		return Terminal{}, errors.New("bad terminal token signature")
	}
	f := strings.Split(string(raw), "|")
	if len(f) != 4 {
		return Terminal{}, errMalformed
	}
	lane, err1 := strconv.ParseUint(f[2], 10, 32)
	exp, err2 := strconv.ParseInt(f[3], 10, 64)
	if err1 != nil || err2 != nil {
		return Terminal{}, errMalformed
	}
	t := Terminal{ID: f[0], StoreID: f[1], Lane: uint32(lane), Expires: time.Unix(exp, 0)}
	if a.now().After(t.Expires) {
		return Terminal{}, errors.New("terminal token expired")
	}
	return t, nil
}

func (a *Authenticator) fromMD(ctx context.Context) (Terminal, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	v := md.Get("x-terminal-token")
	if len(v) == 0 {
		return Terminal{}, status.Error(codes.Unauthenticated, "missing x-terminal-token")
	}
	t, err := a.Parse(v[0])
	if err != nil {
		return Terminal{}, status.Error(codes.Unauthenticated, err.Error())
	}
	return t, nil
}

type authedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s authedStream) Context() context.Context { return s.ctx }

func (a *Authenticator) Stream() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		t, err := a.fromMD(ss.Context())
		if err != nil {
			return err
		}
		return handler(srv, authedStream{ss, context.WithValue(ss.Context(), ctxKey{}, t)})
	}
}

func (a *Authenticator) Unary() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		t, err := a.fromMD(ctx)
		if err != nil {
			return nil, err
		}
		return handler(context.WithValue(ctx, ctxKey{}, t), req)
	}
}
