export * from './locations';
export * from './identity';
export * from './catalog';
export * from './inventory';
export * from './promotions';
export * from './carts';
export * from './orders';
export * from './payments';
