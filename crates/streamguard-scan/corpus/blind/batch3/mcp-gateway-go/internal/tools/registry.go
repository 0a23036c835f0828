package tools

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/agentops/mcpd/gen/mcpv1"
	"google.golang.org/protobuf/types/known/structpb"
)

var ErrUnknownTool = errors.New("unknown tool")

type Tool struct {
	Name        string
	Description string
	Scope       string
	Run         func(ctx context.Context, args map[string]any, progress func(done, total float64, msg string)) (*mcpv1.CallToolResponse, error)
}

type Registry struct {
	tools        map[string]Tool
	resourceBase string
}

func NewRegistry(resourceBase string) *Registry {
	r := &Registry{tools: map[string]Tool{}, resourceBase: strings.TrimRight(resourceBase, "/")}
	r.add(Tool{Name: "fetch_url", Description: "GET a URL and return its body", Scope: "web:fetch", Run: runFetch})
	r.add(Tool{Name: "echo", Description: "echo the arguments", Scope: "tools:basic", Run: runEcho})
	r.add(Tool{Name: "wiki_search", Description: "search the internal wiki", Scope: "wiki:read", Run: r.runWikiSearch})
	return r
}

func (r *Registry) add(t Tool) { r.tools[t.Name] = t }

func (r *Registry) Lookup(name string) (Tool, error) {
	t, ok := r.tools[name]
	if !ok {
		return Tool{}, ErrUnknownTool
	}
	return t, nil
}

func (r *Registry) List() []Tool {
	out := make([]Tool, 0, len(r.tools))
	for _, t := range r.tools {
		out = append(out, t)
	}
	return out
}

func (r *Registry) ReadResource(ctx context.Context, uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "wiki" {
		return "", fmt.Errorf("unsupported resource %q", uri)
	}
	body, _, err := fetch(ctx, r.resourceBase+"/pages/"+url.PathEscape(u.Opaque+u.Path), 1<<20)
	return body, err
}

func text(s string) *mcpv1.CallToolResponse {
	return &mcpv1.CallToolResponse{Content: []*mcpv1.Content{{Type: "text", Text: s}}}
}

func runFetch(ctx context.Context, args map[string]any, progress func(float64, float64, string)) (*mcpv1.CallToolResponse, error) {
	u, _ := args["url"].(string)
	if u == "" {
		return nil, errors.New("url is required")
	}
	progress(0, 1, "fetching "+u)
	body, code, err := fetch(ctx, u, 256<<10)
	progress(1, 1, fmt.Sprintf("HTTP %d", code))
	if err != nil {
		return &mcpv1.CallToolResponse{Content: []*mcpv1.Content{{Type: "text", Text: err.Error()}}, IsError: true}, nil
	}
	return text(body), nil
}

func runEcho(_ context.Context, args map[string]any, _ func(float64, float64, string)) (*mcpv1.CallToolResponse, error) {
	s, _ := structpb.NewStruct(args)
	return &mcpv1.CallToolResponse{Content: []*mcpv1.Content{{Type: "text", Text: s.String()}}, StructuredContent: s}, nil
}

func (r *Registry) runWikiSearch(ctx context.Context, args map[string]any, progress func(float64, float64, string)) (*mcpv1.CallToolResponse, error) {
	q, _ := args["query"].(string)
	body, _, err := fetch(ctx, r.resourceBase+"/search?q="+url.QueryEscape(q), 512<<10)
	if err != nil {
		return nil, err
	}
	return text(body), nil
}
