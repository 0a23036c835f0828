package ingest

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"testing"
	"time"

	"git.internal/plant/sensor-gateway/pkg/devicetoken"
	"google.golang.org/grpc/metadata"
)

func tokenFor(key []byte, id string, exp time.Time) string {
	body := id + "." + strconv.FormatInt(exp.Unix(), 10)
	m := hmac.New(sha256.New, key)
	m.Write([]byte(body))
	return base64.RawURLEncoding.EncodeToString([]byte(body + "." + hex.EncodeToString(m.Sum(nil))))
}

func TestVerifierAcceptsFreshToken(t *testing.T) {
	key := []byte("k")
	ctx := metadata.NewIncomingContext(context.Background(), metadata.Pairs("x-device-token", tokenFor(key, "dev-1", time.Now().Add(time.Hour))))
	d, err := devicetoken.Verifier{Key: key}.FromContext(ctx)
	if err != nil || d.ID != "dev-1" {
		t.Fatalf("got %v, %v", d, err)
	}
}

func TestVerifierRejectsExpiredToken(t *testing.T) {
	key := []byte("k")
	ctx := metadata.NewIncomingContext(context.Background(), metadata.Pairs("x-device-token", tokenFor(key, "dev-1", time.Now().Add(-time.Minute))))
	if _, err := (devicetoken.Verifier{Key: key}).FromContext(ctx); err == nil {
		t.Fatal("expired token accepted")
	}
}
