module github.com/tillpay/authorizer

go 1.22.2

require (
	github.com/jackc/pgx/v5 v5.6.0
	google.golang.org/grpc v1.64.0
	google.golang.org/protobuf v1.34.1
)
