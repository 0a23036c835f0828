module github.com/acme/search-relay

go 1.22

require (
	github.com/acme/streamutil v0.3.1
	github.com/prometheus/client_golang v1.19.1
	golang.org/x/sync v0.7.0
	google.golang.org/grpc v1.64.0
	google.golang.org/protobuf v1.34.1
)
