module github.com/citytram/catenary

go 1.22

require (
	github.com/coreos/go-oidc/v3 v3.10.0
	github.com/go-redis/redis_rate/v10 v10.0.1
	github.com/jackc/pgx/v5 v5.5.5
	github.com/nats-io/nats.go v1.34.1
	github.com/redis/go-redis/v9 v9.5.1
	google.golang.org/grpc v1.63.2
)
