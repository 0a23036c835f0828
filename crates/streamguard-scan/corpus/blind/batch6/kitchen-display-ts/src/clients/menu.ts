import { credentials, makeGenericClientConstructor, type ServiceError } from "@grpc/grpc-js";

export interface MenuItemDetail {
  menuItemId: string;
  displayName: string;
  allergens: string[];
  prepSeconds: number;
}

// menu.v1.Menu/GetItems, hand-rolled JSON codec because the menu team ships
// its protos late; see docs/menu-contract.md.
const MenuClient = makeGenericClientConstructor(
  {
    getItems: {
      path: "/menu.v1.Menu/GetItems",
      requestStream: false,
      responseStream: false,
      requestSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
      requestDeserialize: (b: Buffer) => JSON.parse(b.toString()),
      responseSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
      responseDeserialize: (b: Buffer) => JSON.parse(b.toString()),
    },
  },
  "menu.v1.Menu",
);

const client = new MenuClient(process.env.MENU_ADDR ?? "menu.brigade.internal:9100", credentials.createInsecure());

const MENU_TIMEOUT_MS = 5_000;

export function getItems(locationId: string, ids: string[], signal: AbortSignal): Promise<MenuItemDetail[]> {
  return new Promise((resolve, reject) => {
    const call = (client as any).getItems(
      { locationId, ids },
      { deadline: Date.now() + MENU_TIMEOUT_MS },
      (err: ServiceError | null, res: { items: MenuItemDetail[] }) => (err ? reject(err) : resolve(res.items)),
    );
    signal.addEventListener("abort", () => call.cancel(), { once: true });
  });
}
