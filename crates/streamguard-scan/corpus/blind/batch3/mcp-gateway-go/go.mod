module github.com/agentops/mcpd

go 1.23

require (
	github.com/go-jose/go-jose/v4 v4.0.2
	github.com/spf13/cobra v1.8.1
	golang.org/x/time v0.6.0
	google.golang.org/grpc v1.66.0
	google.golang.org/protobuf v1.34.2
)
