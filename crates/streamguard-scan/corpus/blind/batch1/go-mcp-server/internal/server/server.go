package server

import (
	"os"
	"path/filepath"
	"strings"

	mcpv1 "github.com/acme/mcp-server/gen/mcp/v1"
	"github.com/acme/mcp-server/internal/exec"
)

var toolScopes = map[string]string{
	"echo":        "tools:basic",
	"search_docs": "docs:read",
	"read_file":   "files:read",
	"write_file":  "files:write",
	"delete_repo": "repo:admin",
}

// Server implements mcp.v1.McpStreaming.
type Server struct {
	mcpv1.UnimplementedMcpStreamingServer

	exec         *exec.Client
	resourceRoot string
}

func New(ex *exec.Client, resourceRoot string) *Server {
	return &Server{exec: ex, resourceRoot: resourceRoot}
}

func (s *Server) resourcePath(uri string) (string, bool) {
	rel := strings.TrimPrefix(uri, "res://")
	p := filepath.Join(s.resourceRoot, filepath.Clean("/"+rel))
	return p, strings.HasPrefix(p, s.resourceRoot)
}

func (s *Server) readResource(uri string) (string, error) {
	p, ok := s.resourcePath(uri)
	if !ok {
		return "", os.ErrNotExist
	}
	b, err := os.ReadFile(p)
	return string(b), err
}
