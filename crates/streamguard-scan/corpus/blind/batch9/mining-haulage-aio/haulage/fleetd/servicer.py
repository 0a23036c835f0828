"""Binds the handler objects into one Fleet servicer."""
from __future__ import annotations

from haulage.fleetd.roads import RoadHandlers
from haulage.fleetd.truck_link import TruckLinkHandler
from haulage.gen.haulage.v1 import fleet_pb2_grpc


class FleetService(fleet_pb2_grpc.FleetServicer):
    def __init__(self, link: TruckLinkHandler, roads: RoadHandlers) -> None:
        self.TruckLink = link.TruckLink
        self.WatchHaulRoad = roads.WatchHaulRoad
        self.ListShiftLoads = roads.ListShiftLoads
        self.GetTruck = roads.GetTruck
