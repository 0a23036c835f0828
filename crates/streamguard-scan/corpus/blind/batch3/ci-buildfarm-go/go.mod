module github.com/forge-ci/buildfarm

go 1.22.0

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/nats-io/nats.go v1.36.0
	google.golang.org/grpc v1.65.0
	google.golang.org/protobuf v1.34.2
)
