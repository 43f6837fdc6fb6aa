import type { StockMovementCreate } from '@xjf/domain';

/** 银川村's shelf: price in points (1 分 is about 1 元 of goods), with how it was stocked. */
export const SHELF: {
  name: string;
  price: number;
  unit: string;
  lowStockAt: number;
  intake: StockMovementCreate[];
}[] = [
  {
    name: '大米 10斤',
    price: 30,
    unit: '袋',
    lowStockAt: 5,
    intake: [
      { kind: 'intake', quantity: 40, source: 'donation', note: '贵州黔丰米业有限公司捐赠' },
      { kind: 'intake', quantity: 20, source: 'purchase', costYuan: 560, note: '凤山乡粮油店' },
    ],
  },
  {
    name: '菜籽油 1.8升',
    price: 25,
    unit: '桶',
    lowStockAt: 5,
    intake: [{ kind: 'intake', quantity: 6, source: 'purchase', costYuan: 143, note: '县供销社' }],
  },
  {
    name: '洗衣粉',
    price: 15,
    unit: '袋',
    lowStockAt: 5,
    intake: [{ kind: 'intake', quantity: 30, source: 'donation', note: '大方农商银行捐赠' }],
  },
  {
    name: '毛巾',
    price: 15,
    unit: '条',
    lowStockAt: 5,
    intake: [{ kind: 'intake', quantity: 30, source: 'donation', note: '大方农商银行捐赠' }],
  },
  {
    name: '食盐',
    price: 3,
    unit: '袋',
    lowStockAt: 10,
    intake: [{ kind: 'intake', quantity: 50, source: 'purchase', costYuan: 100, note: '县供销社' }],
  },
  {
    name: '牙膏',
    price: 8,
    unit: '支',
    lowStockAt: 5,
    intake: [{ kind: 'intake', quantity: 24, source: 'purchase', costYuan: 156 }],
  },
  {
    name: '酱油',
    price: 8,
    unit: '瓶',
    lowStockAt: 5,
    intake: [{ kind: 'intake', quantity: 24, source: 'purchase', costYuan: 168 }],
  },
  {
    name: '挂面',
    price: 5,
    unit: '把',
    lowStockAt: 10,
    intake: [{ kind: 'intake', quantity: 40, source: 'other', note: '村集体经济合作社' }],
  },
  {
    name: '肥皂',
    price: 4,
    unit: '块',
    lowStockAt: 10,
    intake: [{ kind: 'intake', quantity: 40, source: 'donation', note: '驻村工作队捐赠' }],
  },
  {
    name: '鸡蛋 10个',
    price: 10,
    unit: '盒',
    lowStockAt: 5,
    intake: [{ kind: 'intake', quantity: 20, source: 'purchase', costYuan: 150, note: '本村养殖户' }],
  },
];

/** What villagers take home, by item name: the DOMAIN.md rice, detergent and towels first. */
export const BASKETS: [string, number][][] = [
  [['大米 10斤', 1]],
  [
    ['洗衣粉', 1],
    ['毛巾', 1],
  ],
  [
    ['食盐', 2],
    ['酱油', 1],
  ],
  [['菜籽油 1.8升', 1]],
  [
    ['鸡蛋 10个', 1],
    ['挂面', 2],
  ],
  [
    ['牙膏', 1],
    ['肥皂', 2],
  ],
  [['挂面', 1]],
  [['食盐', 1]],
];
