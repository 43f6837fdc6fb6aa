import type { CategoryFigures, TownshipFigures, TrendMonth, VillageFigures } from './dashboard-api';
import type { ChartOption } from './echarts';
import { monthLabels } from './numbers';

const grid = { left: 48, right: 24, top: 40, bottom: 56, containLabel: true };
const round1 = (n: number | null) => (n === null ? 0 : Math.round(n * 10) / 10);
const percent = (r: number | null) => (r === null ? 0 : Math.round(r * 1000) / 10);

/** Points earned per household, villages from the highest: the county's league table at a glance. */
export function perHouseholdBars(villages: readonly VillageFigures[], name: string): ChartOption {
  const sorted = [...villages].sort((a, b) => (b.pointsPerHousehold ?? 0) - (a.pointsPerHousehold ?? 0));
  return {
    grid,
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: sorted.map((v) => v.villageName),
      axisLabel: { rotate: sorted.length > 8 ? 30 : 0 },
    },
    yAxis: { type: 'value', name },
    series: [
      {
        type: 'bar',
        name,
        data: sorted.map((v) => round1(v.pointsPerHousehold)),
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
}

/** Monthly participation by township, as a percentage. */
export function participationBars(townships: readonly TownshipFigures[], name: string): ChartOption {
  return {
    grid,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}%` },
    xAxis: { type: 'category', data: townships.map((t) => t.townshipName) },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name,
        data: townships.map((t) => percent(t.participationRate)),
        itemStyle: { color: '#52c41a' },
      },
    ],
  };
}

/** Points earned, deducted and redeemed month by month, with participation on its own axis. */
export function trendLines(
  trend: readonly TrendMonth[],
  lng: string,
  names: { earned: string; deducted: string; redeemed: string; participation: string },
): ChartOption {
  return {
    grid: { ...grid, right: 48 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: {
      type: 'category',
      data: monthLabels(
        trend.map((m) => m.month),
        lng,
      ),
    },
    yAxis: [
      { type: 'value' },
      { type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { type: 'line', name: names.earned, data: trend.map((m) => m.earned), smooth: true },
      { type: 'line', name: names.deducted, data: trend.map((m) => m.deducted), smooth: true },
      { type: 'line', name: names.redeemed, data: trend.map((m) => m.redeemed), smooth: true },
      {
        type: 'line',
        name: names.participation,
        yAxisIndex: 1,
        data: trend.map((m) => percent(m.participationRate)),
        lineStyle: { type: 'dashed' },
      },
    ],
  };
}

/** Net points per kind of conduct, stacked month by month. */
export function categoryStacks(
  months: readonly string[],
  categories: readonly CategoryFigures[],
  lng: string,
): ChartOption {
  return {
    grid,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    xAxis: { type: 'category', data: monthLabels(months, lng) },
    yAxis: { type: 'value' },
    series: categories.map((c) => ({ type: 'bar', stack: 'points', name: c.category, data: c.byMonth })),
  };
}
