package spans

import (
	"errors"
	"slices"

	"example.org/bridgeops/spanwatch/internal/session"
	"example.org/bridgeops/spanwatch/pkg/bridgepb"
)

// Authorizers are run by the session guard on every decoded message.
func Authorizers() map[string]session.Authorizer {
	return map[string]session.Authorizer{
		bridgepb.SpanWatch_StrainUplink_FullMethodName: func(p *session.Principal, msg any) error {
			r := msg.(*bridgepb.StrainReading)
			if !slices.Contains(p.Roles, "logger") || !p.HasSpan(r.GetSpanId()) {
				return errors.New("insufficient_scope")
			}
			return nil
		},
		bridgepb.SpanWatch_InspectorSession_FullMethodName: func(p *session.Principal, msg any) error {
			c := msg.(*bridgepb.InspectorCommand)
			if !p.HasSpan(c.GetSpanId()) {
				return errors.New("resource_not_owned")
			}
			if c.Action == "MARK_DEFECT" && !slices.Contains(p.Roles, "engineer") {
				return errors.New("insufficient_scope")
			}
			return nil
		},
	}
}
