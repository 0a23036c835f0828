// Command tilesd serves live map tiles and collaborative edits.
package main

import (
	"context"
	"crypto/subtle"
	"flag"
	"log"
	"net"
	"net/http"
	"time"

	"example.com/geotiles/gen/tilesv1"
	"example.com/geotiles/internal/authn"
	"example.com/geotiles/internal/render"
	"example.com/geotiles/internal/tiles"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
)

func main() {
	listen := flag.String("listen", ":9090", "gRPC listen address")
	admin := flag.String("admin", "127.0.0.1:9091", "admin HTTP address (revocations)")
	adminToken := flag.String("admin-token", "", "bearer token for the admin API (required)")
	jwksURL := flag.String("jwks", "https://id.example.com/.well-known/jwks.json", "JWKS URL")
	aud := flag.String("aud", "geotiles", "expected token audience")
	renderer := flag.String("renderer", "renderer:9100", "renderer address")
	maxAge := flag.Duration("max-conn-age", 20*time.Minute, "maximum connection age; streams reconnect after it")
	flag.Parse()
	if *adminToken == "" {
		log.Fatal("-admin-token is required")
	}

	ctx := context.Background()
	cache := jwk.NewCache(ctx)
	if err := cache.Register(*jwksURL, jwk.WithMinRefreshInterval(5*time.Minute)); err != nil {
		log.Fatalf("jwks %s: %v", *jwksURL, err)
	}
	rc, err := render.New(*renderer)
	if err != nil {
		log.Fatal(err)
	}
	revs := authn.NewRevocations()
	guard := &authn.Guard{Keys: jwk.NewCachedSet(cache, *jwksURL), Audience: *aud, Revocations: revs}

	srv := grpc.NewServer(
		grpc.StreamInterceptor(guard.Stream),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      *maxAge,
			MaxConnectionAgeGrace: 15 * time.Second,
			MaxConnectionIdle:     2 * time.Minute,
		}),
	)
	tilesv1.RegisterTilesServer(srv, &tiles.Service{
		Renderer: rc,
		Limiter:  tiles.NewSubjectLimiter(20, 40),
		Poll:     2 * time.Second,
	})

	go func() {
		mux := http.NewServeMux()
		mux.HandleFunc("POST /v1/revocations", func(w http.ResponseWriter, r *http.Request) {
			if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), []byte("Bearer "+*adminToken)) != 1 {
				http.Error(w, "admin bearer token required", http.StatusUnauthorized)
				return
			}
			if jti := r.URL.Query().Get("jti"); jti != "" {
				revs.Revoke(jti)
			}
			if sub := r.URL.Query().Get("sub"); sub != "" {
				revs.Revoke("sub:" + sub)
			}
			w.WriteHeader(http.StatusNoContent)
		})
		log.Fatal(http.ListenAndServe(*admin, mux))
	}()

	lis, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("tilesd on %s", *listen)
	log.Fatal(srv.Serve(lis))
}
