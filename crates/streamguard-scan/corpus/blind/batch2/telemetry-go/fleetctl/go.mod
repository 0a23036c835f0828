module gitlab.com/voltgrid/edge/fleetctl

go 1.21

require (
	gitlab.com/voltgrid/edge/ingest v0.0.0
	google.golang.org/grpc v1.63.2
)

replace gitlab.com/voltgrid/edge/ingest => ../ingest
