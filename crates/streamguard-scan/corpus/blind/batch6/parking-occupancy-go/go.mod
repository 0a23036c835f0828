module github.com/parkwise/occupancy

go 1.21

require (
	github.com/jackc/pgx/v5 v5.6.0
	google.golang.org/grpc v1.63.2
	google.golang.org/protobuf v1.34.0
)
