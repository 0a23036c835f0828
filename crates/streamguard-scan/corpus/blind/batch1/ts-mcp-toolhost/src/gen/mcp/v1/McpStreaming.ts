// Original file: proto/mcp/v1/mcp.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CallToolRequest as _mcp_v1_CallToolRequest, CallToolRequest__Output as _mcp_v1_CallToolRequest__Output } from '../../mcp/v1/CallToolRequest';
import type { CallToolResponse as _mcp_v1_CallToolResponse, CallToolResponse__Output as _mcp_v1_CallToolResponse__Output } from '../../mcp/v1/CallToolResponse';
import type { ResourceUpdate as _mcp_v1_ResourceUpdate, ResourceUpdate__Output as _mcp_v1_ResourceUpdate__Output } from '../../mcp/v1/ResourceUpdate';
import type { ToolCall as _mcp_v1_ToolCall, ToolCall__Output as _mcp_v1_ToolCall__Output } from '../../mcp/v1/ToolCall';
import type { ToolCallEvent as _mcp_v1_ToolCallEvent, ToolCallEvent__Output as _mcp_v1_ToolCallEvent__Output } from '../../mcp/v1/ToolCallEvent';
import type { ToolInputChunk as _mcp_v1_ToolInputChunk, ToolInputChunk__Output as _mcp_v1_ToolInputChunk__Output } from '../../mcp/v1/ToolInputChunk';
import type { WatchResourceRequest as _mcp_v1_WatchResourceRequest, WatchResourceRequest__Output as _mcp_v1_WatchResourceRequest__Output } from '../../mcp/v1/WatchResourceRequest';

export interface McpStreamingClient extends grpc.Client {
  CallToolWithProgress(argument: _mcp_v1_CallToolRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mcp_v1_ToolCallEvent__Output>;
  CallToolWithProgress(argument: _mcp_v1_CallToolRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mcp_v1_ToolCallEvent__Output>;
  callToolWithProgress(argument: _mcp_v1_CallToolRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mcp_v1_ToolCallEvent__Output>;
  callToolWithProgress(argument: _mcp_v1_CallToolRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mcp_v1_ToolCallEvent__Output>;

  StreamToolCalls(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_mcp_v1_ToolCall, _mcp_v1_ToolCallEvent__Output>;
  StreamToolCalls(options?: grpc.CallOptions): grpc.ClientDuplexStream<_mcp_v1_ToolCall, _mcp_v1_ToolCallEvent__Output>;
  streamToolCalls(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_mcp_v1_ToolCall, _mcp_v1_ToolCallEvent__Output>;
  streamToolCalls(options?: grpc.CallOptions): grpc.ClientDuplexStream<_mcp_v1_ToolCall, _mcp_v1_ToolCallEvent__Output>;

  UploadToolInput(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mcp_v1_CallToolResponse__Output>): grpc.ClientWritableStream<_mcp_v1_ToolInputChunk>;
  UploadToolInput(callback: grpc.requestCallback<_mcp_v1_CallToolResponse__Output>): grpc.ClientWritableStream<_mcp_v1_ToolInputChunk>;
  uploadToolInput(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mcp_v1_CallToolResponse__Output>): grpc.ClientWritableStream<_mcp_v1_ToolInputChunk>;
  uploadToolInput(callback: grpc.requestCallback<_mcp_v1_CallToolResponse__Output>): grpc.ClientWritableStream<_mcp_v1_ToolInputChunk>;

  WatchResource(argument: _mcp_v1_WatchResourceRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mcp_v1_ResourceUpdate__Output>;
  WatchResource(argument: _mcp_v1_WatchResourceRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mcp_v1_ResourceUpdate__Output>;
  watchResource(argument: _mcp_v1_WatchResourceRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mcp_v1_ResourceUpdate__Output>;
  watchResource(argument: _mcp_v1_WatchResourceRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mcp_v1_ResourceUpdate__Output>;
}

export interface McpStreamingHandlers extends grpc.UntypedServiceImplementation {
  CallToolWithProgress: grpc.handleServerStreamingCall<_mcp_v1_CallToolRequest__Output, _mcp_v1_ToolCallEvent>;

  StreamToolCalls: grpc.handleBidiStreamingCall<_mcp_v1_ToolCall__Output, _mcp_v1_ToolCallEvent>;

  UploadToolInput: grpc.handleClientStreamingCall<_mcp_v1_ToolInputChunk__Output, _mcp_v1_CallToolResponse>;

  WatchResource: grpc.handleServerStreamingCall<_mcp_v1_WatchResourceRequest__Output, _mcp_v1_ResourceUpdate>;

}

export interface McpStreamingDefinition extends grpc.ServiceDefinition {
  CallToolWithProgress: MethodDefinition<_mcp_v1_CallToolRequest, _mcp_v1_ToolCallEvent, _mcp_v1_CallToolRequest__Output, _mcp_v1_ToolCallEvent__Output>
  StreamToolCalls: MethodDefinition<_mcp_v1_ToolCall, _mcp_v1_ToolCallEvent, _mcp_v1_ToolCall__Output, _mcp_v1_ToolCallEvent__Output>
  UploadToolInput: MethodDefinition<_mcp_v1_ToolInputChunk, _mcp_v1_CallToolResponse, _mcp_v1_ToolInputChunk__Output, _mcp_v1_CallToolResponse__Output>
  WatchResource: MethodDefinition<_mcp_v1_WatchResourceRequest, _mcp_v1_ResourceUpdate, _mcp_v1_WatchResourceRequest__Output, _mcp_v1_ResourceUpdate__Output>
}
