package ci

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// Runner registration tokens: "<runnerID>:<expUnix>:<hex hmac>", valid 12 h,
// renewed by the runner agent on reconnect.
type RunnerAuth struct{ Secret []byte }

type Runner struct {
	ID     string
	Expiry time.Time
}

type runnerKey struct{}

func RunnerFrom(ctx context.Context) Runner { r, _ := ctx.Value(runnerKey{}).(Runner); return r }

func (a *RunnerAuth) verify(tok string) (Runner, error) {
	parts := strings.Split(tok, ":")
	if len(parts) != 3 {
		return Runner{}, status.Error(codes.Unauthenticated, "malformed runner token")
	}
	mac := hmac.New(sha256.New, a.Secret)
	mac.Write([]byte(parts[0] + ":" + parts[1]))
	want := hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(parts[2])) {
		return Runner{}, status.Error(codes.Unauthenticated, "bad runner token")
	}
	exp, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || time.Now().After(time.Unix(exp, 0)) {
		return Runner{}, status.Error(codes.Unauthenticated, "runner token expired")
	}
	return Runner{ID: parts[0], Expiry: time.Unix(exp, 0)}, nil
}

type runnerStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (r *runnerStream) Context() context.Context { return r.ctx }

func (a *RunnerAuth) Stream() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, h grpc.StreamHandler) error {
		md, _ := metadata.FromIncomingContext(ss.Context())
		v := md.Get("x-runner-token")
		if len(v) == 0 {
			return status.Error(codes.Unauthenticated, "x-runner-token required")
		}
		r, err := a.verify(v[0])
		if err != nil {
			return err
		}
		return h(srv, &runnerStream{ServerStream: ss, ctx: context.WithValue(ss.Context(), runnerKey{}, r)})
	}
}
