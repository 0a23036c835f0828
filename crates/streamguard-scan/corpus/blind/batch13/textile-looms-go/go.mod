module weavecorp.io/looms

go 1.21

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/minio/minio-go/v7 v7.0.70
	github.com/redis/go-redis/v9 v9.5.1
	golang.org/x/time v0.5.0
	google.golang.org/grpc v1.63.2
	google.golang.org/protobuf v1.33.0
)
