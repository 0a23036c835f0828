package authn

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jwt"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

var (
	ErrExpired = errors.New("token_expired")
	ErrRevoked = errors.New("token_revoked")
)

type Principal struct {
	Subject string
	JTI     string
	Scopes  map[string]bool
	Expires time.Time
}

type principalKey struct{}

func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

type Guard struct {
	Keys        jwk.Set
	Audience    string
	Revocations *Revocations
}

type guardedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (g *guardedStream) Context() context.Context { return g.ctx }

func (g *guardedStream) RecvMsg(m any) error {
	if err := statusFromCause(g.ctx); err != nil {
		return err
	}
	return g.ServerStream.RecvMsg(m)
}

func (g *guardedStream) SendMsg(m any) error {
	if err := statusFromCause(g.ctx); err != nil {
		return err
	}
	return g.ServerStream.SendMsg(m)
}

func statusFromCause(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	switch cause := context.Cause(ctx); {
	case errors.Is(cause, ErrExpired):
		return status.Error(codes.Unauthenticated, "token_expired")
	case errors.Is(cause, ErrRevoked):
		return status.Error(codes.PermissionDenied, "token_revoked")
	default:
		return status.FromContextError(ctx.Err()).Err()
	}
}

// Stream authenticates the stream, then binds it to the token: the stream's context ends at
// exp (cause ErrExpired) or on revocation (cause ErrRevoked), and so does every call derived from it.
func (g *Guard) Stream(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	p, err := g.authenticate(ss.Context())
	if err != nil {
		return err
	}
	if g.Revocations.IsRevoked(p.JTI, "sub:"+p.Subject) {
		return status.Error(codes.PermissionDenied, "token_revoked")
	}
	ctx, cancelExp := context.WithDeadlineCause(ss.Context(), p.Expires.Add(500*time.Millisecond), ErrExpired)
	defer cancelExp()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	unregister := g.Revocations.Register(cancel, p.JTI, "sub:"+p.Subject)
	defer unregister()

	err = handler(srv, &guardedStream{ServerStream: ss, ctx: context.WithValue(ctx, principalKey{}, p)})
	if s := statusFromCause(ctx); s != nil && ss.Context().Err() == nil {
		return s
	}
	return err
}

func (g *Guard) authenticate(ctx context.Context) (*Principal, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	authz := md.Get("authorization")
	if len(authz) == 0 || !strings.HasPrefix(authz[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	tok, err := jwt.ParseString(strings.TrimPrefix(authz[0], "Bearer "),
		jwt.WithKeySet(g.Keys, jwt.WithRequireKid(true)),
		jwt.WithAudience(g.Audience),
		jwt.WithAcceptableSkew(time.Second),
		jwt.WithRequiredClaim("exp"),
	)
	if err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	scopes := map[string]bool{}
	if raw, ok := tok.Get("scope"); ok {
		if s, ok := raw.(string); ok {
			for _, sc := range strings.Fields(s) {
				scopes[sc] = true
			}
		}
	}
	return &Principal{Subject: tok.Subject(), JTI: tok.JwtID(), Scopes: scopes, Expires: tok.Expiration()}, nil
}
