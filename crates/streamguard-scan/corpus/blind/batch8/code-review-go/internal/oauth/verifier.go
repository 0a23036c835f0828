package oauth

import (
	"context"
	"crypto/rsa"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type User struct {
	Login  string
	JTI    string
	Expiry time.Time
	Repos  map[string]string // repo -> permission ("read" | "write" | "admin")
}

type Verifier struct {
	Key *rsa.PublicKey
	DB  *pgxpool.Pool
}

func (v *Verifier) Verify(ctx context.Context, raw string) (*User, error) {
	tok, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return v.Key, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithAudience("forge-api"), jwt.WithExpirationRequired(), jwt.WithLeeway(time.Second))
	if err != nil {
		return nil, err
	}
	mc := tok.Claims.(jwt.MapClaims)
	u := &User{Repos: map[string]string{}}
	u.Login, _ = mc.GetSubject()
	exp, _ := mc.GetExpirationTime()
	u.Expiry = exp.Time
	u.JTI, _ = mc["jti"].(string)
	var revoked bool
	if err := v.DB.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = $1)`, u.JTI).Scan(&revoked); err != nil {
		return nil, err
	}
	if revoked {
		return nil, status.Error(codes.Unauthenticated, "token revoked")
	}
	rows, err := v.DB.Query(ctx, `SELECT repo, permission FROM collaborators WHERE login = $1`, u.Login)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var repo, perm string
		if err := rows.Scan(&repo, &perm); err != nil {
			return nil, err
		}
		u.Repos[repo] = perm
	}
	return u, rows.Err()
}

type userKey struct{}
type rawKey struct{}

func UserFrom(ctx context.Context) *User { u, _ := ctx.Value(userKey{}).(*User); return u }
func RawTokenFrom(ctx context.Context) string { s, _ := ctx.Value(rawKey{}).(string); return s }

func bearer(ctx context.Context) string {
	md, _ := metadata.FromIncomingContext(ctx)
	if v := md.Get("authorization"); len(v) > 0 {
		return strings.TrimPrefix(v[0], "Bearer ")
	}
	return ""
}

type ctxStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (c *ctxStream) Context() context.Context { return c.ctx }

func (v *Verifier) Unary() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		raw := bearer(ctx)
		u, err := v.Verify(ctx, raw)
		if err != nil {
			return nil, status.Errorf(codes.Unauthenticated, "token rejected: %v", err)
		}
		return h(context.WithValue(context.WithValue(ctx, userKey{}, u), rawKey{}, raw), req)
	}
}

func (v *Verifier) Stream() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, h grpc.StreamHandler) error {
		raw := bearer(ss.Context())
		u, err := v.Verify(ss.Context(), raw)
		if err != nil {
			return status.Errorf(codes.Unauthenticated, "token rejected: %v", err)
		}
		ctx := context.WithValue(context.WithValue(ss.Context(), userKey{}, u), rawKey{}, raw)
		return h(srv, &ctxStream{ServerStream: ss, ctx: ctx})
	}
}
