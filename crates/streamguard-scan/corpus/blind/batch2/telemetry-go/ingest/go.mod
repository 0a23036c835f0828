module gitlab.com/voltgrid/edge/ingest

go 1.21

require (
	github.com/lestrrat-go/jwx/v2 v2.0.21
	google.golang.org/grpc v1.63.2
	google.golang.org/protobuf v1.33.0
)
