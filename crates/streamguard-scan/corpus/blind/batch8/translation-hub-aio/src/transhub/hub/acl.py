import grpc

from .auth import Linguist


async def require_project(context: grpc.aio.ServicerContext, who: Linguist, project_id: str) -> None:
    if project_id not in who.projects and "pm" not in who.roles:
        await context.abort(grpc.StatusCode.PERMISSION_DENIED, f"not assigned to project {project_id}")


def may_read(who: Linguist, project_id: str) -> bool:
    return project_id in who.projects or "pm" in who.roles
