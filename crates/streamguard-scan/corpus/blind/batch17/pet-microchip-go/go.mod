module github.com/chipfinder/registry

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/jackc/pgx/v5 v5.5.5
	github.com/redis/go-redis/v9 v9.5.1
	golang.org/x/time v0.5.0
	google.golang.org/grpc v1.63.2
)
